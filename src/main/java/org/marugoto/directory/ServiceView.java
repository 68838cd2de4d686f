package org.marugoto.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service an agency offers (HSDS service), as other modules see it. {@code issueCodes} are codes of the issue code
 * list (相談内容); no {@code areaIds} means the whole municipality; {@code counterIds} are the agency's counters where
 * the service is offered.
 */
public record ServiceView(
        UUID id,
        UUID agencyId,
        String code,
        String name,
        @Nullable String nameKana,
        @Nullable String description,
        List<String> issueCodes,
        @Nullable Integer minAge,
        @Nullable Integer maxAge,
        List<UUID> areaIds,
        List<ServiceLanguage> languages,
        @Nullable String hours,
        @Nullable String fees,
        @Nullable String accessibility,
        @Nullable String phone,
        @Nullable String email,
        List<UUID> counterIds,
        boolean acceptsReferrals,
        boolean active,
        Instant updatedAt,
        int version) {

    public ServiceView {
        issueCodes = List.copyOf(issueCodes);
        areaIds = List.copyOf(areaIds);
        languages = List.copyOf(languages);
        counterIds = List.copyOf(counterIds);
    }

    public boolean handles(String issueCode) {
        return issueCodes.contains(issueCode);
    }

    public boolean servesWholeMunicipality() {
        return areaIds.isEmpty();
    }

    /** True when the age is within the range; a missing bound does not limit. */
    public boolean servesAge(int age) {
        return (minAge == null || minAge <= age) && (maxAge == null || age <= maxAge);
    }
}
