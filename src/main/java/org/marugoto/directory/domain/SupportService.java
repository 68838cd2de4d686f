package org.marugoto.directory.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.directory.ServiceLanguage;
import org.marugoto.shared.db.Stamps;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A service an agency offers (HSDS service), with the issues it handles, the areas it serves, its languages and the
 * counters where it is offered. Written through this aggregate; read by {@link ServiceRows} in one query.
 */
@Table("support_service")
class SupportService {

    @Id
    private final UUID id;

    private final UUID municipalityId;
    private final UUID agencyId;
    private String code;
    private String name;
    private @Nullable String nameKana;
    private @Nullable String description;
    private @Nullable Integer minAge;
    private @Nullable Integer maxAge;
    private @Nullable String hours;
    private @Nullable String fees;
    private @Nullable String accessibility;
    private @Nullable String phone;
    private @Nullable String email;
    private boolean acceptsReferrals;
    private boolean active;

    @MappedCollection(idColumn = "service_id")
    private Set<IssueLink> issues = new HashSet<>();

    @MappedCollection(idColumn = "service_id")
    private Set<AreaLink> areas = new HashSet<>();

    @MappedCollection(idColumn = "service_id")
    private Set<LanguageLink> languages = new HashSet<>();

    @MappedCollection(idColumn = "service_id")
    private Set<CounterLink> counters = new HashSet<>();

    @Embedded.Empty
    private Stamps stamps = new Stamps();

    @Version
    private @Nullable Integer version;

    /** An issue code the service handles. */
    @Table("support_service_issue")
    record IssueLink(UUID municipalityId, String issueCode) {}

    /** An area the service serves. */
    @Table("support_service_area")
    record AreaLink(UUID municipalityId, UUID areaId) {}

    /** A language the service is offered in. */
    @Table("support_service_language")
    record LanguageLink(UUID municipalityId, ServiceLanguage language) {}

    /** A counter where the service is offered. */
    @Table("support_service_counter")
    record CounterLink(UUID municipalityId, UUID counterId) {}

    SupportService(UUID id, UUID municipalityId, UUID agencyId, String code, String name) {
        this.id = id;
        this.municipalityId = municipalityId;
        this.agencyId = agencyId;
        this.code = code;
        this.name = name;
        this.active = true;
        this.acceptsReferrals = true;
    }

    void apply(ServiceCommand command) {
        code = command.code();
        name = command.name();
        nameKana = command.nameKana();
        description = command.description();
        minAge = command.minAge();
        maxAge = command.maxAge();
        hours = command.hours();
        fees = command.fees();
        accessibility = command.accessibility();
        phone = command.phone();
        email = command.email();
        acceptsReferrals = command.acceptsReferrals();
        active = command.active();
        issues = command.issueCodes().stream()
                .map(c -> new IssueLink(municipalityId, c))
                .collect(Collectors.toCollection(HashSet::new));
        areas = command.areaIds().stream()
                .map(a -> new AreaLink(municipalityId, a))
                .collect(Collectors.toCollection(HashSet::new));
        languages = command.languages().stream()
                .map(l -> new LanguageLink(municipalityId, l))
                .collect(Collectors.toCollection(HashSet::new));
        counters = command.counterIds().stream()
                .map(c -> new CounterLink(municipalityId, c))
                .collect(Collectors.toCollection(HashSet::new));
    }

    void expectVersion(int seenVersion) {
        version = seenVersion;
    }

    UUID id() {
        return id;
    }

    UUID agencyId() {
        return agencyId;
    }
}
