package org.marugoto.consent;

/** Who gave the consent. */
public enum ConsentGiver {
    /** 本人. */
    PERSON,
    /** 代理人 (a guardian, a family member...), with their name and relation. */
    REPRESENTATIVE
}
