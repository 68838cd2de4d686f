package org.marugoto.directory.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.CounterView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.directory.ServiceView;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.ShortCache;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agencies, their counters and their services: unique codes, existing areas, issue codes and counters, every change
 * audited, and the search that staff and the referral module use to find where to send a person.
 */
@Service
public class DirectoryService implements DirectoryApi {

    private final AgencyRepository agencies;
    private final CounterRepository counters;
    private final SupportServiceRepository services;
    private final ServiceRows serviceRows;
    private final IssueCatalog issues;
    private final AreaApi areas;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final ShortCache<UUID, List<AgencyView>> agencyList = new ShortCache<>(Duration.ofMinutes(1));

    DirectoryService(
            AgencyRepository agencies,
            CounterRepository counters,
            SupportServiceRepository services,
            ServiceRows serviceRows,
            IssueCatalog issues,
            AreaApi areas,
            Tenancy tenancy,
            AuditApi audit) {
        this.agencies = agencies;
        this.counters = counters;
        this.services = services;
        this.serviceRows = serviceRows;
        this.issues = issues;
        this.areas = areas;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    /** Every page that names agencies reads this list; it is kept for a minute and forgotten on every change. */
    @Override
    public List<AgencyView> agencies() {
        return agencyList.get(
                tenancy.municipalityId(),
                () -> agencies.findByMunicipalityIdOrderByCode(tenancy.municipalityId()).stream()
                        .map(Agency::view)
                        .toList());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AgencyView> agency(UUID id) {
        return agencies.findByMunicipalityIdAndId(tenancy.municipalityId(), id).map(Agency::view);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AgencyView> agencyByCode(String code) {
        return agencies.findByMunicipalityIdAndCode(tenancy.municipalityId(), code)
                .map(Agency::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CounterView> counters(UUID agencyId) {
        return counters.findByMunicipalityIdAndAgencyIdOrderByCode(tenancy.municipalityId(), agencyId).stream()
                .map(Counter::view)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CounterView> counter(UUID id) {
        return counters.findByMunicipalityIdAndId(tenancy.municipalityId(), id).map(Counter::view);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ServiceView> services(UUID agencyId) {
        return serviceRows.ofAgency(tenancy.municipalityId(), agencyId);
    }

    /** Every service of the municipality, by agency and code. */
    @Transactional(readOnly = true)
    public List<ServiceView> allServices() {
        return serviceRows.all(tenancy.municipalityId());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ServiceView> service(UUID id) {
        return serviceRows.find(tenancy.municipalityId(), id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AgencyView> agenciesHandling(String issueCode, @Nullable UUID areaId) {
        return search(new DirectoryQuery(null, null, issueCode, areaId, null)).stream()
                .filter(hit -> hit.agency().acceptsReferrals())
                .filter(hit -> hit.services().stream().anyMatch(ServiceView::acceptsReferrals))
                .map(DirectoryHit::agency)
                .toList();
    }

    /** The issue code list, active and retired codes, for showing the names of the codes services handle. */
    @Transactional(readOnly = true)
    public List<IssueName> issueNames() {
        return issues.all();
    }

    /**
     * Active agencies with their active services that match the query, by agency code. An agency without a matching
     * service is found by its own name, reading, description or address only while the query asks nothing of the
     * services (issue, area, age), so that agencies with no services listed yet can still be looked up.
     */
    @Transactional(readOnly = true)
    public List<DirectoryHit> search(DirectoryQuery query) {
        Keywords keywords = Keywords.parse(query.text());
        Set<UUID> servedAreas = query.areaId() == null ? Set.of() : areaAndAncestors(query.areaId());
        Map<String, IssueName> issueNames = keywords.isEmpty()
                ? Map.of()
                : issues.all().stream().collect(Collectors.toMap(IssueName::code, Function.identity()));
        Map<UUID, List<ServiceView>> servicesByAgency = serviceRows.all(tenancy.municipalityId()).stream()
                .filter(ServiceView::active)
                .collect(Collectors.groupingBy(ServiceView::agencyId, LinkedHashMap::new, Collectors.toList()));
        List<DirectoryHit> hits = new ArrayList<>();
        for (AgencyView agency : agencies()) {
            if (!agency.active() || (query.kind() != null && agency.kind() != query.kind())) {
                continue;
            }
            Keywords.Haystack agencyText = keywords.isEmpty()
                    ? new Keywords.Haystack()
                    : new Keywords.Haystack()
                            .add(agency.name())
                            .add(agency.nameKana())
                            .add(agency.description())
                            .add(agency.address());
            List<ServiceView> matching = servicesByAgency.getOrDefault(agency.id(), List.of()).stream()
                    .filter(service -> query.issueCode() == null || service.handles(query.issueCode()))
                    .filter(service -> query.age() == null || service.servesAge(query.age()))
                    .filter(service -> query.areaId() == null
                            || service.servesWholeMunicipality()
                            || service.areaIds().stream().anyMatch(servedAreas::contains))
                    .filter(service -> keywords.isEmpty()
                            || keywords.foundIn(serviceText(service, issueNames).addAll(agencyText)))
                    .toList();
            boolean agencyItself = !query.asksForService() && (keywords.isEmpty() || keywords.foundIn(agencyText));
            if (!matching.isEmpty() || agencyItself) {
                hits.add(new DirectoryHit(agency, matching));
            }
        }
        return hits;
    }

    private static Keywords.Haystack serviceText(ServiceView service, Map<String, IssueName> issueNames) {
        Keywords.Haystack text = new Keywords.Haystack()
                .add(service.name())
                .add(service.nameKana())
                .add(service.description());
        for (String code : service.issueCodes()) {
            IssueName issue = issueNames.get(code);
            if (issue != null) {
                text.add(issue.nameJa()).add(issue.nameEn());
            }
        }
        return text;
    }

    private Set<UUID> areaAndAncestors(UUID areaId) {
        Map<UUID, AreaView> byId = areas.tree().stream().collect(Collectors.toMap(AreaView::id, Function.identity()));
        Set<UUID> result = new HashSet<>();
        AreaView area = byId.get(areaId);
        while (area != null && result.add(area.id())) {
            area = area.parentId() == null ? null : byId.get(area.parentId());
        }
        return result;
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public AgencyView createAgency(AgencyCommand command) {
        AgencyView created = insertAgency(command);
        audit.record(AuditEntry.of(AuditAction.CREATE, "agency", created.id()));
        return created;
    }

    /** Creates the agency unless one with the same code exists (used by the demo municipality). */
    @Transactional
    public AgencyView ensureAgency(AgencyCommand command) {
        return agencyByCode(command.code()).orElseGet(() -> insertAgency(command));
    }

    private AgencyView insertAgency(AgencyCommand command) {
        checkArea(command.areaId());
        checkAgencyCodeFree(null, command.code());
        Agency agency =
                new Agency(Ids.newId(), tenancy.municipalityId(), command.code(), command.name(), command.kind());
        agency.apply(command);
        return saveAgency(agency).view();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public AgencyView updateAgency(UUID id, int seenVersion, AgencyCommand command) {
        Agency agency = agencies.findByMunicipalityIdAndId(tenancy.municipalityId(), id)
                .orElseThrow(() -> new NotFoundException("agency", id));
        checkArea(command.areaId());
        checkAgencyCodeFree(id, command.code());
        agency.expectVersion(seenVersion);
        agency.apply(command);
        AgencyView saved = saveAgency(agency).view();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "agency", id));
        return saved;
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public CounterView createCounter(UUID agencyId, CounterCommand command) {
        CounterView created = insertCounter(agencyId, command);
        audit.record(AuditEntry.of(AuditAction.CREATE, "counter", created.id()));
        return created;
    }

    /** Creates the counter unless the agency has one with the same code (used by the demo municipality). */
    @Transactional
    public CounterView ensureCounter(UUID agencyId, CounterCommand command) {
        return counters.findByMunicipalityIdAndAgencyIdAndCode(tenancy.municipalityId(), agencyId, command.code())
                .map(Counter::view)
                .orElseGet(() -> insertCounter(agencyId, command));
    }

    private CounterView insertCounter(UUID agencyId, CounterCommand command) {
        agency(agencyId).orElseThrow(() -> new NotFoundException("agency", agencyId));
        checkArea(command.areaId());
        checkCounterCodeFree(agencyId, null, command.code());
        Counter counter = new Counter(Ids.newId(), tenancy.municipalityId(), agencyId, command.code(), command.name());
        counter.apply(command);
        return saveCounter(counter).view();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public CounterView updateCounter(UUID id, int seenVersion, CounterCommand command) {
        Counter counter = counters.findByMunicipalityIdAndId(tenancy.municipalityId(), id)
                .orElseThrow(() -> new NotFoundException("counter", id));
        checkArea(command.areaId());
        checkCounterCodeFree(counter.agencyId(), id, command.code());
        counter.expectVersion(seenVersion);
        counter.apply(command);
        CounterView saved = saveCounter(counter).view();
        audit.record(AuditEntry.of(AuditAction.UPDATE, "counter", id));
        return saved;
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public ServiceView createService(UUID agencyId, ServiceCommand command) {
        ServiceView created = insertService(agencyId, command);
        audit.record(AuditEntry.of(AuditAction.CREATE, "service", created.id()));
        return created;
    }

    /** Creates the service unless the agency has one with the same code (used by the demo municipality). */
    @Transactional
    public ServiceView ensureService(UUID agencyId, ServiceCommand command) {
        return services.findByMunicipalityIdAndAgencyIdAndCode(tenancy.municipalityId(), agencyId, command.code())
                .flatMap(existing -> service(existing.id()))
                .orElseGet(() -> insertService(agencyId, command));
    }

    private ServiceView insertService(UUID agencyId, ServiceCommand command) {
        agency(agencyId).orElseThrow(() -> new NotFoundException("agency", agencyId));
        checkService(agencyId, null, command);
        SupportService service =
                new SupportService(Ids.newId(), tenancy.municipalityId(), agencyId, command.code(), command.name());
        service.apply(command);
        return saveService(service);
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public ServiceView updateService(UUID id, int seenVersion, ServiceCommand command) {
        SupportService service = services.findByMunicipalityIdAndId(tenancy.municipalityId(), id)
                .orElseThrow(() -> new NotFoundException("service", id));
        checkService(service.agencyId(), id, command);
        service.expectVersion(seenVersion);
        service.apply(command);
        ServiceView saved = saveService(service);
        audit.record(AuditEntry.of(AuditAction.UPDATE, "service", id));
        return saved;
    }

    private void checkService(UUID agencyId, @Nullable UUID self, ServiceCommand command) {
        services.findByMunicipalityIdAndAgencyIdAndCode(tenancy.municipalityId(), agencyId, command.code())
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new RuleViolation("code", "directory.error.codeTaken");
                });
        if (command.minAge() != null && command.maxAge() != null && command.minAge() > command.maxAge()) {
            throw new RuleViolation("maxAge", "directory.error.ageRange");
        }
        Set<String> knownIssues = issues.all().stream().map(IssueName::code).collect(Collectors.toSet());
        if (!knownIssues.containsAll(command.issueCodes())) {
            throw new RuleViolation("issueCodes", "directory.error.issueMissing");
        }
        for (UUID areaId : command.areaIds()) {
            if (areas.find(areaId).isEmpty()) {
                throw new RuleViolation("areaIds", "directory.error.areaMissing");
            }
        }
        Set<UUID> ownCounters = counters(agencyId).stream().map(CounterView::id).collect(Collectors.toSet());
        if (!ownCounters.containsAll(command.counterIds())) {
            throw new RuleViolation("counterIds", "directory.error.counterMissing");
        }
    }

    private ServiceView saveService(SupportService service) {
        try {
            services.save(service);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("code", "directory.error.codeTaken");
        }
        return service(service.id()).orElseThrow();
    }

    private void checkArea(@Nullable UUID areaId) {
        if (areaId != null && areas.find(areaId).isEmpty()) {
            throw new RuleViolation("areaId", "directory.error.areaMissing");
        }
    }

    private void checkAgencyCodeFree(@Nullable UUID self, String code) {
        agencies.findByMunicipalityIdAndCode(tenancy.municipalityId(), code)
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new RuleViolation("code", "directory.error.codeTaken");
                });
    }

    private void checkCounterCodeFree(UUID agencyId, @Nullable UUID self, String code) {
        counters.findByMunicipalityIdAndAgencyIdAndCode(tenancy.municipalityId(), agencyId, code)
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new RuleViolation("code", "directory.error.codeTaken");
                });
    }

    private Agency saveAgency(Agency agency) {
        agencyList.invalidate();
        try {
            return agencies.save(agency);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("code", "directory.error.codeTaken");
        }
    }

    private Counter saveCounter(Counter counter) {
        try {
            return counters.save(counter);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("code", "directory.error.codeTaken");
        }
    }
}
