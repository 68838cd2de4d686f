package org.marugoto.consent;

/** How a consent was given or withdrawn. */
public enum ConsentMethod {
    SIGNED_FORM,
    /** Verbally, with a named witness. */
    VERBAL_WITH_WITNESS,
    ELECTRONIC,
    /**
     * Confirmed by the sending caseworker when a referral or consultation was recorded with consent "given", before
     * consent records existed on the form; the details may be completed by recording the consent itself.
     */
    CONFIRMED_AT_REFERRAL;

    /** The ways a person can give or withdraw consent on the consent form. */
    public static ConsentMethod[] onForm() {
        return new ConsentMethod[] {SIGNED_FORM, VERBAL_WITH_WITNESS, ELECTRONIC};
    }
}
