package org.marugoto.area;

/** The levels an area may have, from the widest to the narrowest. Names and nesting are the municipality's data. */
public enum AreaLevel {
    /** 区 */
    WARD,
    /** 日常生活圏域 */
    DAILY_LIFE_AREA,
    /** 中学校区 */
    JUNIOR_HIGH_DISTRICT,
    /** 小学校区 */
    ELEMENTARY_DISTRICT,
    /** 地区社協・地区部会 */
    DISTRICT_COUNCIL,
    /** 自治会・町内会 */
    NEIGHBOURHOOD_ASSOCIATION,
    /** 町丁 */
    BLOCK
}
