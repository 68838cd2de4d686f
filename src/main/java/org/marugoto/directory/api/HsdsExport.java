package org.marugoto.directory.api;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.CounterView;
import org.marugoto.directory.ServiceLanguage;
import org.marugoto.directory.ServiceView;
import org.marugoto.directory.domain.DirectoryService;
import org.marugoto.directory.domain.IssueName;
import org.marugoto.shared.TenancyProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the directory into HSDS 3.0 objects: an agency is an organization, a counter (相談窓口) a physical location, a
 * service a service offered at its counters (service_at_location), its areas service_areas and its issue codes
 * attributes whose terms come from the municipality's issue code list. Objects that the directory keeps as part of
 * a row (a phone, an address, a schedule) get a name-based UUID derived from the row's id, so that they keep their
 * id from one export to the next.
 */
@Component
class HsdsExport {

    static final String ISSUE_TAXONOMY = "Marugoto issue codes (相談内容)";

    private final DirectoryService directory;
    private final AreaApi areas;
    private final TenancyProperties municipality;
    private final MessageSource messages;

    HsdsExport(DirectoryService directory, AreaApi areas, TenancyProperties municipality, MessageSource messages) {
        this.directory = directory;
        this.areas = areas;
        this.municipality = municipality;
        this.messages = messages;
    }

    /** Everything one export needs, read once. */
    private record Snapshot(
            Map<UUID, AgencyView> agencies,
            Map<UUID, CounterView> counters,
            Map<UUID, AreaView> areas,
            Map<String, IssueName> issues) {

        /** A service's agency: the directory never holds a service without its agency. */
        AgencyView agencyOf(ServiceView service) {
            AgencyView agency = agencies.get(service.agencyId());
            if (agency == null) {
                throw new IllegalStateException("service " + service.id() + " has no agency");
            }
            return agency;
        }
    }

    @Transactional(readOnly = true)
    public Hsds.Page<Hsds.Service> services(@Nullable UUID organizationId, int page, int perPage, boolean full) {
        Snapshot snapshot = snapshot();
        List<ServiceView> services = directory.allServices().stream()
                .filter(s -> organizationId == null || s.agencyId().equals(organizationId))
                .sorted(Comparator.comparing(
                                (ServiceView s) -> snapshot.agencyOf(s).code())
                        .thenComparing(ServiceView::code))
                .toList();
        return page(services, page, perPage, s -> service(s, snapshot, full, false));
    }

    @Transactional(readOnly = true)
    public Optional<Hsds.Service> service(UUID id) {
        Snapshot snapshot = snapshot();
        return directory.service(id).map(s -> service(s, snapshot, true, true));
    }

    @Transactional(readOnly = true)
    public Hsds.Page<Hsds.Organization> organizations(int page, int perPage, boolean full) {
        Snapshot snapshot = snapshot();
        List<AgencyView> agencies = directory.agencies();
        return page(agencies, page, perPage, a -> organization(a, snapshot, full));
    }

    @Transactional(readOnly = true)
    public Optional<Hsds.Organization> organization(UUID id) {
        Snapshot snapshot = snapshot();
        return directory.agency(id).map(a -> organization(a, snapshot, true));
    }

    private Snapshot snapshot() {
        List<AgencyView> agencies = directory.agencies();
        return new Snapshot(
                agencies.stream().collect(Collectors.toMap(AgencyView::id, Function.identity())),
                agencies.stream()
                        .flatMap(a -> directory.counters(a.id()).stream())
                        .collect(Collectors.toMap(CounterView::id, Function.identity())),
                areas.tree().stream().collect(Collectors.toMap(AreaView::id, Function.identity())),
                directory.issueNames().stream().collect(Collectors.toMap(IssueName::code, Function.identity())));
    }

    private static <V, T> Hsds.Page<T> page(List<V> all, int page, int perPage, Function<V, T> mapper) {
        int totalPages = Math.max(1, (all.size() + perPage - 1) / perPage);
        int from = Math.min(all.size(), (page - 1) * perPage);
        List<T> contents = all.subList(from, Math.min(all.size(), from + perPage)).stream()
                .map(mapper)
                .toList();
        return new Hsds.Page<>(
                all.size(),
                totalPages,
                page,
                contents.size(),
                page == 1,
                page >= totalPages,
                contents.isEmpty(),
                contents);
    }

    private Hsds.Organization organization(AgencyView agency, Snapshot snapshot, boolean full) {
        String id = agency.id().toString();
        return new Hsds.Organization(
                id,
                agency.name(),
                agency.nameKana(),
                agency.description() == null ? agency.name() : agency.description(),
                agency.email(),
                full && agency.phone() != null
                        ? List.of(new Hsds.Phone(derivedId(agency.id(), "phone"), id, null, null, agency.phone()))
                        : null,
                full
                        ? directory.counters(agency.id()).stream()
                                .filter(CounterView::active)
                                .map(c -> location(c, agency))
                                .toList()
                        : null,
                full
                        ? directory.services(agency.id()).stream()
                                .map(s -> service(s, snapshot, true, false))
                                .toList()
                        : null);
    }

    private Hsds.Service service(ServiceView service, Snapshot snapshot, boolean full, boolean withOrganization) {
        AgencyView agency = snapshot.agencyOf(service);
        String id = service.id().toString();
        return new Hsds.Service(
                id,
                agency.id().toString(),
                service.name(),
                service.nameKana(),
                service.description(),
                service.email(),
                service.active() && agency.active() ? "active" : "inactive",
                service.fees(),
                service.minAge(),
                service.maxAge(),
                DateTimeFormatter.ISO_INSTANT.format(service.updatedAt().truncatedTo(ChronoUnit.MILLIS)),
                full ? phones(service) : null,
                full ? schedules(service) : null,
                full ? serviceAreas(service, snapshot) : null,
                full ? serviceAtLocations(service, agency, snapshot) : null,
                full ? languages(service) : null,
                full ? attributes(service, snapshot) : null,
                withOrganization ? organization(agency, snapshot, false) : null);
    }

    private static List<Hsds.Phone> phones(ServiceView service) {
        return Stream.ofNullable(service.phone())
                .map(number -> new Hsds.Phone(
                        derivedId(service.id(), "phone"), null, service.id().toString(), null, number))
                .toList();
    }

    private static List<Hsds.Schedule> schedules(ServiceView service) {
        return Stream.ofNullable(service.hours())
                .map(hours -> new Hsds.Schedule(
                        derivedId(service.id(), "schedule"), service.id().toString(), null, hours))
                .toList();
    }

    /** A service without areas serves the whole municipality, which is said as one area named after it. */
    private List<Hsds.ServiceArea> serviceAreas(ServiceView service, Snapshot snapshot) {
        String serviceId = service.id().toString();
        if (service.servesWholeMunicipality()) {
            return List.of(new Hsds.ServiceArea(
                    derivedId(service.id(), "area/all"), serviceId, municipality.name(), municipality.prefecture()));
        }
        return service.areaIds().stream()
                .map(snapshot.areas()::get)
                .map(area -> new Hsds.ServiceArea(
                        derivedId(service.id(), "area/" + area.id()),
                        serviceId,
                        area.name(),
                        message("area.level." + area.level())))
                .toList();
    }

    private List<Hsds.ServiceAtLocation> serviceAtLocations(ServiceView service, AgencyView agency, Snapshot snapshot) {
        return service.counterIds().stream()
                .map(snapshot.counters()::get)
                .map(counter -> new Hsds.ServiceAtLocation(
                        derivedId(service.id(), "counter/" + counter.id()),
                        service.id().toString(),
                        counter.id().toString(),
                        service.accessibility(),
                        location(counter, agency)))
                .toList();
    }

    private Hsds.Location location(CounterView counter, AgencyView agency) {
        String id = counter.id().toString();
        return new Hsds.Location(
                id,
                "physical",
                agency.id().toString(),
                counter.name(),
                counter.address(),
                address(counter, agency).stream().toList(),
                Stream.ofNullable(counter.phone())
                        .map(number -> new Hsds.Phone(derivedId(counter.id(), "phone"), null, null, id, number))
                        .toList(),
                Stream.ofNullable(counter.hours())
                        .map(hours -> new Hsds.Schedule(derivedId(counter.id(), "schedule"), null, id, hours))
                        .toList(),
                Stream.ofNullable(counter.accessibility())
                        .map(text -> new Hsds.Accessibility(derivedId(counter.id(), "accessibility"), id, text))
                        .toList());
    }

    /**
     * A counter's place is often only a room ("桜台ふれあい館1階"), which stays its description; its postal address is
     * then its agency's. Only a postal address in the municipality becomes an HSDS address. The directory keeps no
     * postal codes, so postal_code is empty.
     */
    private Optional<Hsds.Address> address(CounterView counter, AgencyView agency) {
        return Stream.of(counter.address(), agency.address())
                .filter(place -> place != null && place.startsWith(municipality.name()))
                .findFirst()
                .map(place -> new Hsds.Address(
                        derivedId(counter.id(), "address"),
                        counter.id().toString(),
                        place.substring(municipality.name().length()).strip(),
                        municipality.name(),
                        municipality.prefecture(),
                        "",
                        "JP",
                        "physical"));
    }

    private List<Hsds.Language> languages(ServiceView service) {
        return service.languages().stream()
                .map(language -> new Hsds.Language(
                        derivedId(service.id(), "language/" + language),
                        service.id().toString(),
                        message("language." + language),
                        language.isoCode(),
                        language == ServiceLanguage.EASY_JAPANESE ? "やさしい日本語 (plain Japanese)" : null))
                .toList();
    }

    private static List<Hsds.Attribute> attributes(ServiceView service, Snapshot snapshot) {
        return service.issueCodes().stream()
                .map(snapshot.issues()::get)
                .map(issue -> new Hsds.Attribute(
                        derivedId(service.id(), "issue/" + issue.code()),
                        service.id().toString(),
                        "service",
                        issue.id().toString(),
                        issue.code(),
                        new Hsds.TaxonomyTerm(
                                issue.id().toString(),
                                issue.code(),
                                issue.nameJa(),
                                issue.nameEn(),
                                ISSUE_TAXONOMY,
                                "ja")))
                .toList();
    }

    private String message(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        String text = messages.getMessage(key, null, key, locale);
        return text == null ? key : text;
    }

    /** A stable id for an object kept inside a row: the same row and part give the same id in every export. */
    static String derivedId(UUID rowId, String part) {
        return UUID.nameUUIDFromBytes((rowId + "/" + part).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
