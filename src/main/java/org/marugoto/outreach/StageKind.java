package org.marugoto.outreach;

/** What a stage means for the record: work goes on, the person was connected, or outreach ended. */
public enum StageKind {
    OPEN,
    CONNECTED,
    ENDED
}
