package org.marugoto.community.domain;

/** Every week on some weekdays, or every month on the nth weeks' weekday (毎月第2水曜). */
public enum ScheduleKind {
    WEEKLY,
    MONTHLY
}
