package org.marugoto.casework;

/** The kind of a progress record (支援経過記録). */
public enum ProgressKind {
    CONTACT,
    VISIT,
    CALL,
    MEETING,
    NOTE;
}
