package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marugoto.people.PeopleFixtures.joining;
import static org.marugoto.people.PeopleFixtures.newHousehold;
import static org.marugoto.people.PeopleFixtures.person;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.marugoto.access.Role;
import org.marugoto.access.domain.StaffCommand;
import org.marugoto.access.domain.StaffService;
import org.marugoto.casework.domain.CaseCommands;
import org.marugoto.casework.domain.CaseOrigin;
import org.marugoto.casework.domain.CaseRecords;
import org.marugoto.casework.domain.CaseService;
import org.marugoto.casework.domain.CaseView;
import org.marugoto.casework.domain.ConferenceKind;
import org.marugoto.casework.domain.ConferenceService;
import org.marugoto.casework.domain.ConferenceView;
import org.marugoto.casework.domain.PlanView;
import org.marugoto.casework.domain.TeamRole;
import org.marugoto.consent.ConsentApi;
import org.marugoto.consent.ConsentGiver;
import org.marugoto.consent.ConsentMethod;
import org.marugoto.consent.ConsentPurpose;
import org.marugoto.consent.ConsentView;
import org.marugoto.consent.ConsentWithdrawal;
import org.marugoto.consent.RecordConsent;
import org.marugoto.consultation.ConsentStatus;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.people.PeopleFixtures;
import org.marugoto.people.ProtectionApi;
import org.marugoto.people.ProtectionCommand;
import org.marugoto.people.ProtectionKind;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix: every role × every endpoint (web and API) × every record situation, each cell asserted
 * allowed or refused against the rules written down here (docs/security.md). The endpoints are discovered from the
 * application: an endpoint that this test does not place in a family fails it, so a new screen or API cannot be added
 * without deciding who may use it.
 *
 * <p>One account per role, all at the same agency (東部地域包括支援センター, HOKATSU-E), and records in each
 * situation relative to them: recorded by their agency, by another agency, shared with them by consent, shared and then
 * withdrawn, a case whose team they are in, a case they were removed from, a 支援会議 they are a (pledged) member of,
 * and a person under DV protection recorded by their agency.
 */
@MarugotoTest
class AuthorizationMatrixTests {

    /** Kinds of record situation, relative to the acting account. */
    enum Situation {
        OWN_AGENCY,
        OTHER_AGENCY,
        SHARED_BY_CONSENT,
        CONSENT_WITHDRAWN,
        CASE_TEAM_MEMBER,
        REMOVED_TEAM_MEMBER,
        SHIEN_MEMBER,
        PROTECTED_PERSON,
        WATCHED_BY_VOLUNTEER,
        NO_RECORD
    }

    /** What an endpoint gives access to. */
    enum Family {
        HOUSEHOLD_READ,
        HOUSEHOLD_WRITE,
        CASE,
        CONFERENCE,
        REVEAL,
        REFERRAL,
        CONSENT,
        PROFESSIONAL_LIST,
        SEARCH,
        COORDINATOR_LIST,
        SUPERVISOR_OR_PRIVACY,
        PRIVACY,
        AUDIT,
        ADMIN,
        ANYONE,
        EMERGENCY_REQUEST,
        VOLUNTEER_HOME,
        VOLUNTEER_WATCH,
        CONCERN
    }

    static final Set<Role> PROFESSIONALS = Set.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR, Role.MUNICIPAL_COORDINATOR);

    /** Every GET endpoint of the application, by its pattern, with what it gives access to. */
    static final Map<String, Family> GET_ENDPOINTS = new LinkedHashMap<>();

    static {
        for (String p : List.of(
                "/households/{id}",
                "/people/{id}",
                "/consultations/{id}",
                "/consultations/{consultationId}/referrals/new",
                "/cases/new")) {
            GET_ENDPOINTS.put(p, Family.HOUSEHOLD_READ);
        }
        for (String p : List.of(
                "/households/{householdId}/consultations/new",
                "/households/{householdId}/referrals/new",
                "/households/{householdId}/consents/new")) {
            GET_ENDPOINTS.put(p, Family.HOUSEHOLD_WRITE);
        }
        for (String p : List.of(
                "/cases/{id}",
                "/cases/{id}/assessment",
                "/cases/{id}/assessments",
                "/cases/{id}/plan",
                "/cases/{id}/close",
                "/cases/{caseId}/conferences/new",
                "/plans/{planId}",
                "/plans/{planId}/pdf")) {
            GET_ENDPOINTS.put(p, Family.CASE);
        }
        GET_ENDPOINTS.put("/households/{householdId}/watch-requests/new", Family.HOUSEHOLD_WRITE);
        GET_ENDPOINTS.put("/concerns", Family.PROFESSIONAL_LIST);
        GET_ENDPOINTS.put("/concerns/{id}", Family.CONCERN);
        GET_ENDPOINTS.put("/volunteer", Family.VOLUNTEER_HOME);
        GET_ENDPOINTS.put("/volunteer/watches/{requestId}", Family.VOLUNTEER_WATCH);
        GET_ENDPOINTS.put("/conferences/{id}", Family.CONFERENCE);
        GET_ENDPOINTS.put("/conferences/{id}/pdf", Family.CONFERENCE);
        GET_ENDPOINTS.put("/protection/{personId}", Family.REVEAL);
        GET_ENDPOINTS.put("/referrals/{id}", Family.REFERRAL);
        GET_ENDPOINTS.put("/consents/{id}/withdraw", Family.CONSENT);
        for (String p : List.of("/cases", "/referrals", "/notifications", "/people/new")) {
            GET_ENDPOINTS.put(p, Family.PROFESSIONAL_LIST);
        }
        GET_ENDPOINTS.put("/people", Family.SEARCH);
        GET_ENDPOINTS.put("/referrals/overdue", Family.COORDINATOR_LIST);
        GET_ENDPOINTS.put("/emergency-access/reviews", Family.SUPERVISOR_OR_PRIVACY);
        GET_ENDPOINTS.put("/emergency-access/new", Family.EMERGENCY_REQUEST);
        GET_ENDPOINTS.put("/protection", Family.PRIVACY);
        GET_ENDPOINTS.put("/audit", Family.AUDIT);
        GET_ENDPOINTS.put("/audit/verify", Family.AUDIT);
        for (String p : List.of(
                "/",
                "/account",
                "/account/mfa",
                "/directory",
                "/directory/{id}",
                "/api/v1/hsds/services",
                "/api/v1/hsds/services/{id}",
                "/api/v1/hsds/organizations",
                "/api/v1/hsds/organizations/{id}")) {
            GET_ENDPOINTS.put(p, Family.ANYONE);
        }
    }

    /** GET endpoints left out of the matrix, with the reason. */
    static final Map<String, String> NOT_IN_MATRIX = Map.of(
            "/login", "the login page, before any role",
            "/login/mfa", "the second step of a login, before any role (MfaLoginTests)",
            "/login/mfa/enrol", "the forced enrolment of a login, before any role (MfaLoginTests)",
            "/reauth", "asks the signed-in user for their own password; shows no record");

    /** Endpoints under these prefixes are the administrators' (areas, agencies, staff, issue codes). */
    static final List<String> ADMIN_PREFIXES =
            List.of("/admin/areas", "/admin/agencies", "/admin/staff", "/admin/issue-codes");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    UserDetailsService users;

    @Autowired
    StaffService staff;

    @Autowired
    DirectoryApi directory;

    @Autowired
    PeopleApi people;

    @Autowired
    ProtectionApi protection;

    @Autowired
    ConsultationApi consultations;

    @Autowired
    ConsentApi consents;

    @Autowired
    CaseService cases;

    @Autowired
    CaseRecords records;

    @Autowired
    ConferenceService conferences;

    @Autowired
    org.marugoto.watch.domain.WatchService watches;

    @Autowired
    org.marugoto.watch.domain.ConcernService concerns;

    @Autowired
    JdbcClient jdbc;

    final Map<Role, String> actors = new EnumMap<>(Role.class);

    /** Path variables by situation: the ids of the records in that situation. */
    final Map<Situation, Map<String, String>> ids = new EnumMap<>(Situation.class);

    String protectedAddress;

    @Test
    void everyRoleOnEveryEndpointInEverySituation() throws Exception {
        createActors();
        createRecords();
        List<String> getPatterns = discoverGetEndpoints();
        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        for (Role role : Role.values()) {
            UserDetails actor = users.loadUserByUsername(actors.get(role));
            for (String pattern : getPatterns) {
                Family family = family(pattern);
                for (Situation situation : Situation.values()) {
                    String path = fill(pattern, situation);
                    if (path == null) {
                        continue;
                    }
                    boolean expected = allowed(role, family, situation);
                    MvcResult result = mvc.perform(get(path).with(user(actor))).andReturn();
                    boolean actual = granted(result);
                    cells++;
                    if (actual != expected) {
                        mismatches.add("%s %s GET %s (%s): expected %s, got %d"
                                .formatted(
                                        role,
                                        situation,
                                        pattern,
                                        path,
                                        expected ? "allowed" : "refused",
                                        result.getResponse().getStatus()));
                    }
                    if (actual && situation == Situation.PROTECTED_PERSON && family != Family.REVEAL) {
                        assertThat(body(result)).as(path).doesNotContain(protectedAddress);
                    }
                }
            }
            cells += writes(role, actor, mismatches);
        }
        System.out.printf(
                "Authorization matrix: %d roles x %d GET endpoints + writes x %d situations = %d cells asserted%n",
                Role.values().length, getPatterns.size(), Situation.values().length, cells);
        assertThat(mismatches).as("cells that differ from the rules").isEmpty();
        assertThat(cells).isGreaterThanOrEqualTo(Role.values().length * getPatterns.size());
    }

    /** The rules: who may use an endpoint of a family on a record in a situation. */
    static boolean allowed(Role role, Family family, Situation situation) {
        boolean professional = PROFESSIONALS.contains(role);
        boolean visibleHousehold = situation == Situation.OWN_AGENCY
                || situation == Situation.SHARED_BY_CONSENT
                || situation == Situation.PROTECTED_PERSON
                || situation == Situation.WATCHED_BY_VOLUNTEER;
        return switch (family) {
            // volunteers never open the professionals' pages, not even of a household they watch
            case HOUSEHOLD_READ, HOUSEHOLD_WRITE, REFERRAL, CONSENT -> professional && visibleHousehold;
            // a concern raised by a volunteer: the receiving agency's professionals (the volunteer sees it on
            // /volunteer)
            case CONCERN -> professional && situation == Situation.WATCHED_BY_VOLUNTEER;
            case VOLUNTEER_HOME -> role == Role.VOLUNTEER;
            case VOLUNTEER_WATCH -> role == Role.VOLUNTEER && situation == Situation.WATCHED_BY_VOLUNTEER;
            // case content: the team and the municipality's coordinators; never by agency
            case CASE ->
                role == Role.MUNICIPAL_COORDINATOR || (professional && situation == Situation.CASE_TEAM_MEMBER);
            // 支援会議 material: its pledged members only (coordinators too only when they are members)
            case CONFERENCE -> professional && situation == Situation.SHIEN_MEMBER;
            case REVEAL -> role == Role.PRIVACY_OFFICER && situation == Situation.PROTECTED_PERSON;
            case PROFESSIONAL_LIST, SEARCH, EMERGENCY_REQUEST -> professional;
            case COORDINATOR_LIST -> role == Role.MUNICIPAL_COORDINATOR;
            case SUPERVISOR_OR_PRIVACY -> role == Role.AGENCY_SUPERVISOR || role == Role.PRIVACY_OFFICER;
            case PRIVACY -> role == Role.PRIVACY_OFFICER;
            case AUDIT -> role == Role.AUDITOR || role == Role.SYSTEM_ADMIN;
            case ADMIN -> role == Role.SYSTEM_ADMIN;
            case ANYONE -> true;
        };
    }

    /** A few writes per situation: recording progress on a case, a consultation on a household. */
    int writes(Role role, UserDetails actor, List<String> mismatches) throws Exception {
        int cells = 0;
        for (Situation situation : Situation.values()) {
            Map<String, String> v = ids.get(situation);
            if (v.containsKey("case")) {
                MockHttpServletRequestBuilder write = post("/cases/" + v.get("case") + "/progress")
                        .with(user(actor))
                        .with(csrf())
                        .param("occurredAt", "2026-11-01T10:00")
                        .param("kind", "NOTE")
                        .param("body", "マトリクス");
                cells += check(role, Family.CASE, situation, "POST /cases/{id}/progress", write, mismatches);
            }
            if (v.containsKey("household")) {
                MockHttpServletRequestBuilder write = post("/households/" + v.get("household") + "/consultations/new")
                        .with(user(actor))
                        .with(csrf());
                cells += check(
                        role,
                        Family.HOUSEHOLD_WRITE,
                        situation,
                        "POST /households/{householdId}/consultations/new (invalid input)",
                        write,
                        mismatches);
            }
        }
        return cells;
    }

    int check(
            Role role,
            Family family,
            Situation situation,
            String what,
            MockHttpServletRequestBuilder request,
            List<String> mismatches)
            throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        boolean expected = allowed(role, family, situation);
        if (granted(result) != expected) {
            mismatches.add("%s %s %s: expected %s, got %d"
                    .formatted(
                            role,
                            situation,
                            what,
                            expected ? "allowed" : "refused",
                            result.getResponse().getStatus()));
        }
        return 1;
    }

    /** Refused means 403 (or 404 for a record the user may not know of); anything else reached the handler. */
    static boolean granted(MvcResult result) {
        int status = result.getResponse().getStatus();
        return status != 403 && status != 404 && status != 401;
    }

    static String body(MvcResult result) throws java.io.UnsupportedEncodingException {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    Family family(String pattern) {
        Family family = GET_ENDPOINTS.get(pattern);
        if (family != null) {
            return family;
        }
        if (ADMIN_PREFIXES.stream().anyMatch(pattern::startsWith)) {
            return Family.ADMIN;
        }
        throw new AssertionError("GET " + pattern + " is not in the authorization matrix: add it to GET_ENDPOINTS");
    }

    List<String> discoverGetEndpoints() {
        Set<String> patterns = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error") || NOT_IN_MATRIX.containsKey(pattern)) {
                    continue;
                }
                family(pattern); // fails for an endpoint nobody placed
                patterns.add(pattern);
            }
        }
        return List.copyOf(patterns);
    }

    /** The path with the situation's ids in its variables, or null when the situation has no such record. */
    String fill(String pattern, Situation situation) {
        Map<String, String> v = ids.get(situation);
        Family family = family(pattern);
        String path = pattern;
        if (pattern.equals("/cases/new")) {
            return v.containsKey("household") ? "/cases/new?household=" + v.get("household") : null;
        }
        if (pattern.equals("/people")) {
            return situation == Situation.NO_RECORD ? "/people?q=" + "マトリクス" : null;
        }
        if (!pattern.contains("{")) {
            return situation == Situation.NO_RECORD ? path : null;
        }
        if (family == Family.ADMIN || family == Family.ANYONE) {
            return situation == Situation.NO_RECORD ? directoryPath(pattern) : null;
        }
        String key =
                switch (family) {
                    case CASE -> pattern.startsWith("/plans") ? "plan" : "case";
                    case CONFERENCE -> "conference";
                    case REFERRAL -> "referral";
                    case CONSENT -> "consent";
                    case REVEAL -> "person";
                    case VOLUNTEER_WATCH -> "watch";
                    case CONCERN -> "concern";
                    default ->
                        pattern.startsWith("/people")
                                ? "person"
                                : pattern.startsWith("/consultations") ? "consultation" : "household";
                };
        String value = v.get(key);
        if (value == null) {
            return null;
        }
        return path.replaceAll("\\{[^}]+}", value);
    }

    // ---- fixtures
    // ----------------------------------------------------------------------------------------------------

    void createActors() {
        UUID east = directory.agencyByCode("HOKATSU-E").orElseThrow().id();
        UUID west = directory.agencyByCode("HOKATSU-W").orElseThrow().id();
        for (Role role : Role.values()) {
            String username =
                    "mx." + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            staff.ensure(username, "matrix-password-1", command("マトリクス " + role.name(), east, Set.of(role)));
            actors.put(role, username);
        }
        staff.ensure("mx.author-east", "matrix-password-1", command("記録者 東", east, Set.of(Role.CASEWORKER)));
        staff.ensure("mx.author-west", "matrix-password-1", command("記録者 西", west, Set.of(Role.CASEWORKER)));
    }

    static StaffCommand command(String name, UUID agency, Set<Role> roles) {
        return new StaffCommand(name, null, null, agency, roles, true);
    }

    UUID account(String username) {
        return ((Actor) users.loadUserByUsername(username)).accountId();
    }

    void as(String username) {
        PeopleFixtures.actAs(users, username);
    }

    record Household(UUID household, UUID person, UUID consultation) {}

    Household household(String author, String family) {
        as(author);
        MemberView self = people.register(
                person(family, "花子", "まとりくす", "はなこ", Sex.FEMALE, LocalDate.of(1960, 1, 1), "美月野市東町9-9-9", null),
                newHousehold());
        people.register(
                person(family, "一郎", "まとりくす", "いちろう", Sex.MALE, LocalDate.of(1988, 2, 2), null, null),
                joining(self.householdId(), Relationship.CHILD));
        UUID consultation = jdbc.sql("select id from consultation where household_id = ? limit 1")
                .param(self.householdId())
                .query(UUID.class)
                .optional()
                .orElse(null);
        return new Household(self.householdId(), self.person().id(), consultation);
    }

    void createRecords() {
        for (Situation s : Situation.values()) {
            ids.put(s, new LinkedHashMap<>());
        }
        UUID east = directory.agencyByCode("HOKATSU-E").orElseThrow().id();
        householdSituation(Situation.OWN_AGENCY, household("mx.author-east", "自機関"));
        householdSituation(Situation.OTHER_AGENCY, household("mx.author-west", "他機関"));

        Household shared = household("mx.author-west", "同意共有");
        consent(shared, east);
        householdSituation(Situation.SHARED_BY_CONSENT, shared);

        Household withdrawn = household("mx.author-west", "同意撤回");
        ConsentView given = consent(withdrawn, east);
        as("mx.author-west");
        consents.withdraw(
                given.id(),
                given.version(),
                new ConsentWithdrawal(LocalDate.now(), ConsentMethod.VERBAL_WITH_WITNESS, "本人の申し出"));
        householdSituation(Situation.CONSENT_WITHDRAWN, withdrawn);

        Household protectedHousehold = household("mx.author-east", "保護");
        as("mx.author-east");
        protection.protect(
                protectedHousehold.person(),
                new ProtectionCommand(ProtectionKind.DV, LocalDate.now(), null, "配偶者暴力相談支援センター", null, List.of()));
        protectedAddress = "美月野市東町9-9-9";
        householdSituation(Situation.PROTECTED_PERSON, protectedHousehold);

        // a case of another agency's household, with the professional actors in its team
        CaseView team = openCase(household("mx.author-west", "チーム"), ConsentStatus.GIVEN);
        as("coordinator");
        for (Role role : List.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR)) {
            cases.addMember(team.id(), account(actors.get(role)), TeamRole.MEMBER);
        }
        PlanView plan = plan(team);
        ids.get(Situation.CASE_TEAM_MEMBER).put("case", team.id().toString());
        ids.get(Situation.CASE_TEAM_MEMBER).put("plan", plan.id().toString());

        CaseView removed = openCase(household("mx.author-west", "除外"), ConsentStatus.GIVEN);
        as("coordinator");
        for (Role role : List.of(Role.CASEWORKER, Role.AGENCY_SUPERVISOR)) {
            CaseView.TeamMember member = cases.addMember(removed.id(), account(actors.get(role)), TeamRole.MEMBER);
            cases.removeMember(removed.id(), member.id(), member.version(), "担当替え");
        }
        PlanView removedPlan = plan(removed);
        ids.get(Situation.REMOVED_TEAM_MEMBER).put("case", removed.id().toString());
        ids.get(Situation.REMOVED_TEAM_MEMBER).put("plan", removedPlan.id().toString());

        // a 支援会議 without consent whose members are the professional actors, each having pledged
        CaseView refused = openCase(household("mx.author-west", "支援会議"), ConsentStatus.REFUSED);
        as("coordinator2");
        Set<UUID> members = new LinkedHashSet<>();
        for (Role role : PROFESSIONALS) {
            members.add(account(actors.get(role)));
        }
        ConferenceView shien = conferences.schedule(
                refused.id(),
                new CaseCommands.Conference(
                        ConferenceKind.SHIEN, Instant.now().plus(1, ChronoUnit.DAYS), null, "共有する事項", members));
        for (Role role : PROFESSIONALS) {
            as(actors.get(role));
            conferences.pledge(shien.id());
        }
        ids.get(Situation.SHIEN_MEMBER).put("conference", shien.id().toString());
        // a household of the actors' agency that the volunteer was asked to watch, and a concern they raised about it
        Household watched = household("mx.author-east", "見守り");
        as("mx.author-east");
        var request = watches.ask(
                watched.household(),
                new org.marugoto.watch.domain.AskToWatch(
                        account(actors.get(Role.VOLUNTEER)),
                        "郵便受けがいっぱいになっていないか",
                        "週1回",
                        null,
                        org.marugoto.watch.WatchBasis.CONSENT,
                        null,
                        null));
        as(actors.get(Role.VOLUNTEER));
        var concern = concerns.raise(new org.marugoto.watch.domain.RaiseConcern(
                request.id(), "見守り 花子さん", null, "3日続けて雨戸が閉まったまま", org.marugoto.watch.ConcernUrgency.values()[0], east));
        householdSituation(Situation.WATCHED_BY_VOLUNTEER, watched);
        ids.get(Situation.WATCHED_BY_VOLUNTEER).put("watch", request.id().toString());
        ids.get(Situation.WATCHED_BY_VOLUNTEER).put("concern", concern.id().toString());

        // directory and administration records (not personal) for the endpoints that take their ids
        Map<String, String> directoryIds = ids.get(Situation.NO_RECORD);
        directoryIds.put("agency", east.toString());
        directoryIds.put("counter", one("select id from consultation_counter where agency_id = ?", east));
        directoryIds.put("service", one("select id from support_service where agency_id = ?", east));
        directoryIds.put("area", one("select id from area where municipality_id = ?", tenancy()));
        directoryIds.put("staff", account(actors.get(Role.CASEWORKER)).toString());
    }

    String one(String sql, UUID param) {
        return jdbc.sql(sql + " order by id limit 1")
                .param(param)
                .query(UUID.class)
                .single()
                .toString();
    }

    UUID tenancy() {
        return jdbc.sql("select municipality_id from agency limit 1")
                .query(UUID.class)
                .single();
    }

    /** Directory and administration endpoints with the ids of agency HOKATSU-E's records. */
    String directoryPath(String pattern) {
        Map<String, String> v = ids.get(Situation.NO_RECORD);
        String path = pattern.replace("{agencyId}", v.get("agency"));
        if (path.startsWith("/admin/agencies/") && path.contains("/counters/")) {
            return path.replace("{id}", v.get("counter"));
        }
        if (path.contains("/services/")) {
            return path.replace("{id}", v.get("service"));
        }
        if (path.startsWith("/admin/areas/")) {
            return path.replace("{id}", v.get("area"));
        }
        if (path.startsWith("/admin/staff/")) {
            return path.replace("{id}", v.get("staff"));
        }
        return path.replace("{id}", v.get("agency"));
    }

    void householdSituation(Situation situation, Household h) {
        Map<String, String> v = ids.get(situation);
        v.put("household", h.household().toString());
        v.put("person", h.person().toString());
        if (h.consultation() != null) {
            v.put("consultation", h.consultation().toString());
        }
        jdbc.sql("select id from consent where household_id = ? limit 1")
                .param(h.household())
                .query(UUID.class)
                .optional()
                .ifPresent(id -> v.put("consent", id.toString()));
    }

    ConsentView consent(Household h, UUID agency) {
        as("mx.author-west");
        return consents.record(new RecordConsent(
                h.household(),
                List.of(h.person()),
                ConsentGiver.PERSON,
                null,
                null,
                List.of(agency),
                Set.of(ConsentPurpose.INFORMATION_SHARING),
                ConsentMethod.SIGNED_FORM,
                null,
                LocalDate.now(),
                null,
                null));
    }

    CaseView openCase(Household h, ConsentStatus consent) {
        as("mx.author-west");
        return cases.open(new CaseCommands.OpenCase(
                h.household(),
                CaseOrigin.DIRECT,
                null,
                account("coordinator"),
                "マトリクスの事例",
                List.of("OTHER"),
                Set.of(h.person()),
                consent,
                consent == ConsentStatus.GIVEN ? LocalDate.now() : null,
                null));
    }

    PlanView plan(CaseView c) {
        as("coordinator");
        return records.saveDraft(
                c.id(),
                null,
                new CaseCommands.Plan(
                        "暮らしを続けたい",
                        null,
                        null,
                        LocalDate.now(),
                        LocalDate.now().plusMonths(6),
                        LocalDate.now().plusMonths(3),
                        List.of(new CaseCommands.Goal("課題", "目標", null, List.of()))));
    }
}
