package org.marugoto.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One version of the household's assessment (アセスメント). */
public record AssessmentView(
        UUID id,
        int versionNo,
        @Nullable String summary,
        @Nullable String strengths,
        @Nullable String wishes,
        @Nullable String risks,
        @Nullable String unvoiced,
        Instant recordedAt,
        String recorderName,
        List<Entry> entries) {

    /** One person's situation in one domain. */
    public record Entry(UUID personId, AssessmentDomain domain, String situation) {}

    public @Nullable String situation(UUID personId, AssessmentDomain domain) {
        return entries.stream()
                .filter(e -> e.personId().equals(personId) && e.domain() == domain)
                .map(Entry::situation)
                .findFirst()
                .orElse(null);
    }
}
