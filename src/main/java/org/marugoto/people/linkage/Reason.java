package org.marugoto.people.linkage;

/**
 * Why two records were compared as they were, in words: each constant has the message key
 * {@code linkage.reason.<name in lower camel case>} in Japanese and English.
 */
public enum Reason {
    READING_SAME("linkage.reason.readingSame"),
    READING_SIMILAR("linkage.reason.readingSimilar"),
    READING_DIFFERENT("linkage.reason.readingDifferent"),
    FORMER_NAME("linkage.reason.formerName"),
    FAMILY_CHANGED("linkage.reason.familyChanged"),
    NAME_SAME("linkage.reason.nameSame"),
    NAME_VARIANT("linkage.reason.nameVariant"),
    NAME_KANA_ONLY("linkage.reason.nameKanaOnly"),
    BIRTH_SAME("linkage.reason.birthSame"),
    BIRTH_SLIP("linkage.reason.birthSlip"),
    BIRTH_APPROXIMATE("linkage.reason.birthApproximate"),
    /** Exact dates of birth two digits apart (a slip in each record): weak evidence against, not a verdict. */
    BIRTH_TWO_DIGITS("linkage.reason.birthTwoDigits"),
    BIRTH_DIFFERENT("linkage.reason.birthDifferent"),
    BIRTH_MISSING("linkage.reason.birthMissing"),
    SEX_DIFFERENT("linkage.reason.sexDifferent"),
    PHONE_SAME("linkage.reason.phoneSame"),
    ADDRESS_SAME("linkage.reason.addressSame"),
    SAME_HOUSEHOLD("linkage.reason.sameHousehold"),
    PARENT_CHILD("linkage.reason.parentChild"),
    /** The name the records agree on is rare among the records: the agreement weighs more than on average. */
    NAME_RARE("linkage.reason.nameRare"),
    /** The name the records agree on is common (佐藤, 鈴木 …): the agreement weighs less than on average. */
    NAME_COMMON("linkage.reason.nameCommon"),
    /** One record has no reading: its reading was taken from other records with the same kanji. */
    READING_INFERRED("linkage.reason.readingInferred"),
    /** A part of the name is read the same but written with other kanji (洋子 / 陽子): two people more often than one. */
    NAME_HOMOPHONE("linkage.reason.nameHomophone"),
    /**
     * Suggested on its own, but clustering kept the two apart: a record already joined to one of them is known to be
     * a different person from the other (another household member, dates of birth that differ).
     */
    CLUSTER_CONFLICT("linkage.reason.clusterConflict");

    private final String messageKey;

    Reason(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Reasons that speak of an address or a phone: never shown for a protected person. */
    public boolean aboutContact() {
        return this == PHONE_SAME || this == ADDRESS_SAME;
    }
}
