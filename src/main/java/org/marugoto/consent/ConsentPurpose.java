package org.marugoto.consent;

/** What information may be shared for. */
public enum ConsentPurpose {
    /** つなぎ: referral to another agency. */
    REFERRAL,
    /** 支援チームでの情報共有: the named agencies may see the household. */
    INFORMATION_SHARING,
    /** 重層的支援会議 (with consent; a 支援会議 under Art. 106-6 needs none). */
    SUPPORT_MEETING,
    /** アウトリーチ: contact and visits by the named agencies. */
    OUTREACH
}
