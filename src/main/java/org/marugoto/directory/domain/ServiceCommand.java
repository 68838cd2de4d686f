package org.marugoto.directory.domain;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.ServiceLanguage;

/** What an administrator asks for when creating or changing a service. */
public record ServiceCommand(
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
        boolean active) {

    public ServiceCommand {
        issueCodes = List.copyOf(issueCodes);
        areaIds = List.copyOf(areaIds);
        languages = List.copyOf(languages);
        counterIds = List.copyOf(counterIds);
    }
}
