package org.marugoto.casework;

/** The areas of life an assessment looks at for each person. */
public enum AssessmentDomain {
    HEALTH,
    CARE,
    DISABILITY,
    INCOME_DEBT,
    HOUSING,
    WORK,
    EDUCATION,
    FAMILY,
    SOCIAL_TIES;
}
