package org.marugoto.casework.web;

import static org.marugoto.shared.text.Texts.orEmpty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.casework.AssessmentDomain;
import org.marugoto.casework.AssessmentView;

/**
 * An assessment (アセスメント): the household as a whole and one situation text per person and life domain, bound
 * from fields named {@code situations[personId:DOMAIN]}.
 */
record AssessmentForm(
        String summary,
        String strengths,
        String wishes,
        String risks,
        String unvoiced,
        Map<String, String> situations) {

    AssessmentForm {
        summary = Objects.requireNonNullElse(summary, "");
        strengths = Objects.requireNonNullElse(strengths, "");
        wishes = Objects.requireNonNullElse(wishes, "");
        risks = Objects.requireNonNullElse(risks, "");
        unvoiced = Objects.requireNonNullElse(unvoiced, "");
        situations = situations == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(situations));
    }

    /** The form for the next version: a copy of the last one, or empty for the first. */
    static AssessmentForm from(@Nullable AssessmentView last) {
        if (last == null) {
            return new AssessmentForm("", "", "", "", "", Map.of());
        }
        Map<String, String> situations = new LinkedHashMap<>();
        for (AssessmentView.Entry e : last.entries()) {
            situations.put(key(e.personId(), e.domain()), e.situation());
        }
        return new AssessmentForm(
                orEmpty(last.summary()),
                orEmpty(last.strengths()),
                orEmpty(last.wishes()),
                orEmpty(last.risks()),
                orEmpty(last.unvoiced()),
                situations);
    }

    /** The text written for a person and domain, or {@code null}. */
    @Nullable
    String situation(UUID personId, AssessmentDomain domain) {
        return situations.get(key(personId, domain));
    }

    static String key(UUID personId, AssessmentDomain domain) {
        return personId + ":" + domain.name();
    }
}
