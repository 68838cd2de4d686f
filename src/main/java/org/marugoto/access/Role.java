package org.marugoto.access;

/** What a staff member may do. A person may hold several roles. */
public enum Role {
    /** システム管理者: areas, agencies, counters, accounts. Sees no personal data by this role alone. */
    SYSTEM_ADMIN,
    /** 相談支援包括化推進員・多機関協働 coordinator. */
    MUNICIPAL_COORDINATOR,
    /** 機関の管理者 (head of an agency). */
    AGENCY_SUPERVISOR,
    /** 相談員 (caseworker). */
    CASEWORKER,
    /** 民生委員・児童委員 and other volunteers: only what was given to them. */
    VOLUNTEER,
    /** 地域福祉計画 planner: plans and statistics, no personal data. */
    PLANNER,
    /** 監査担当 (read-only auditor): reads the audit trail, no personal data. */
    AUDITOR,
    /**
     * 個人情報保護管理者 (municipal privacy officer): reviews emergency (break-the-glass) access and is the only role that
     * may reveal the masked address and whereabouts of a person under DV/stalking protection (支援措置), each time
     * re-authenticated and audited. Sees no other personal data by this role alone.
     */
    PRIVACY_OFFICER,
    /**
     * 地域の活動の担い手 (community organiser: a group's own account): keeps its group's places, activities and
     * volunteer opportunities current and answers residents' interest messages. Sees no personal data of
     * consultations.
     */
    COMMUNITY_ORGANISER;

    public String authority() {
        return "ROLE_" + name();
    }
}
