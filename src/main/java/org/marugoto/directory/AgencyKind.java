package org.marugoto.directory;

/** The kinds of support agency (docs/domain.md §3). */
public enum AgencyKind {
    /** 市町村 地域福祉担当課 (包括的支援体制の所管, 多機関協働) */
    MUNICIPAL_WELFARE_DIVISION,
    /** 多機関協働事業者・相談支援包括化推進員 */
    MULTI_AGENCY_COORDINATION,
    /** 福祉事務所 */
    WELFARE_OFFICE,
    /** 地域包括支援センター */
    COMMUNITY_COMPREHENSIVE_SUPPORT_CENTER,
    /** 障害者相談支援事業所・基幹相談支援センター */
    DISABILITY_CONSULTATION_OFFICE,
    /** こども家庭センター */
    CHILD_AND_FAMILY_CENTER,
    /** 地域子育て支援拠点 */
    CHILDCARE_SUPPORT_HUB,
    /** 自立相談支援機関 (生活困窮者自立支援) */
    SELF_RELIANCE_SUPPORT,
    /** 社会福祉協議会 (CSW) */
    SOCIAL_WELFARE_COUNCIL,
    /** 保健センター・保健所 */
    HEALTH_CENTER,
    /** 民生委員児童委員協議会 */
    WELFARE_COMMISSIONERS_COUNCIL,
    /** 地区社会福祉協議会 */
    DISTRICT_SOCIAL_WELFARE_COUNCIL,
    /** 市役所の情報政策部門など, 事務局 */
    ADMINISTRATION,
    /** その他 */
    OTHER
}
