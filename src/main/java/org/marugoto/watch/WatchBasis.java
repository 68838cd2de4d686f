package org.marugoto.watch;

/** On what a watch request rests: the household's consent, or a decision of a 支援会議 (重層的支援体制整備事業). */
public enum WatchBasis {
    CONSENT,
    SUPPORT_MEETING
}
