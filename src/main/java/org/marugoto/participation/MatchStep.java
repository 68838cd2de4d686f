package org.marugoto.participation;

/** The steps of a match: 紹介 → 見学 → 体験 → 定着, or ended. */
public enum MatchStep {
    INTRODUCED,
    VISITED,
    TRIAL,
    SETTLED,
    ENDED;

    /** The steps that may follow this one (ending is always possible until it has ended). */
    public java.util.List<MatchStep> next() {
        return switch (this) {
            case INTRODUCED -> java.util.List.of(VISITED, ENDED);
            case VISITED -> java.util.List.of(TRIAL, ENDED);
            case TRIAL -> java.util.List.of(SETTLED, ENDED);
            case SETTLED -> java.util.List.of(ENDED);
            case ENDED -> java.util.List.of();
        };
    }
}
