package org.marugoto.community.domain;

/** What kind of place or activity an entry is. The first six are 居場所 (drop-in places). */
public enum ActivityKind {
    /** ふれあい・いきいきサロン */
    SALON,
    /** こども食堂 */
    CHILDREN_CAFETERIA,
    /** 地域の縁側 */
    ENGAWA,
    /** コミュニティカフェ */
    COMMUNITY_CAFE,
    /** 子育てひろば */
    PARENTING_PLAZA,
    /** 通いの場 (介護予防の体操など) */
    KAYOI_NO_BA,
    /** 学習支援 */
    LEARNING,
    /** ボランティア活動 */
    VOLUNTEER_WORK,
    OTHER
}
