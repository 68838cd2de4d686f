package org.marugoto.participation;

/** Interests a person may have and an opportunity may offer: the "fit" of the ranking. */
public enum Interest {
    OUTDOORS,
    ANIMALS_PLANTS,
    COOKING,
    CRAFTS,
    COMPUTERS,
    CHILDREN,
    ELDERLY,
    MUSIC_ART,
    SPORTS,
    QUIET_WORK
}
