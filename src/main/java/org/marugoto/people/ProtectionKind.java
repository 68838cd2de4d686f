package org.marugoto.people;

/** Why a person is protected (支援措置の種類). */
public enum ProtectionKind {
    /** 配偶者からの暴力 (DV). */
    DV,
    /** ストーカー行為等. */
    STALKING,
    /** 児童虐待等. */
    CHILD_ABUSE,
    /** その他（これらに準ずる行為）. */
    OTHER
}
