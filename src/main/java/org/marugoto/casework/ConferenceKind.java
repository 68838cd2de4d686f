package org.marugoto.casework;

/** 重層的支援会議 (JUSHO: with the person's consent) or 支援会議 (SHIEN: Art. 106-6, under a duty of confidentiality, possible without consent). */
public enum ConferenceKind {
    JUSHO,
    SHIEN;
}
