package org.marugoto.casework;

/** What led to the case. */
public enum CaseOrigin {
    CONSULTATION,
    REFERRAL,
    DIRECT,
    /**
     * An outreach record (アウトリーチ). Casework does not read outreach records: the outreach module checks the record
     * and marks it つないだ when it hears {@link CaseOpened}, in the same transaction.
     */
    OUTREACH;
}
