package org.marugoto.participation.domain;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.AccessApi;
import org.marugoto.access.PersonalDataAction;
import org.marugoto.access.RecordScope;
import org.marugoto.access.Role;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaLevel;
import org.marugoto.area.AreaView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.consultation.ConsultationApi;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.DirectoryApi;
import org.marugoto.participation.HostOffer;
import org.marugoto.participation.Interest;
import org.marugoto.participation.MatchEndReason;
import org.marugoto.participation.MatchStep;
import org.marugoto.participation.NewOpportunity;
import org.marugoto.participation.OpportunityKind;
import org.marugoto.participation.OpportunityView;
import org.marugoto.participation.ProfileView;
import org.marugoto.participation.RankedOpportunity;
import org.marugoto.participation.UnmetNeedView;
import org.marugoto.people.MemberView;
import org.marugoto.people.PeopleApi;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Participation support. Opportunities are hosted by directory agencies and are no personal data (any professional
 * adds one). A person's profile and matches are the lead agency's record ({@code RecordScope.ownedBy}), read and
 * written by its professionals and audited. Unmet needs name no person; professionals record them, and professionals
 * and planners read the counts by area and kind.
 */
@Service
public class ParticipationService {

    public static final String PROFILE = "participation";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AccessApi access;
    private final AuditApi audit;
    private final PeopleApi people;
    private final DirectoryApi directory;
    private final AreaApi areas;
    private final ConsultationApi consultations;
    private final Clock clock;

    ParticipationService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AccessApi access,
            AuditApi audit,
            PeopleApi people,
            DirectoryApi directory,
            AreaApi areas,
            ConsultationApi consultations,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.access = access;
        this.audit = audit;
        this.people = people;
        this.directory = directory;
        this.areas = areas;
        this.consultations = consultations;
        this.clock = clock;
    }

    // ---- opportunities ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<OpportunityView> opportunities() {
        return jdbc.sql(OPPORTUNITIES + " order by o.open desc, o.title")
                .param("m", tenancy.municipalityId())
                .query((rs, i) -> opportunity(rs))
                .list();
    }

    public Optional<OpportunityView> opportunity(UUID id) {
        return opportunities().stream().filter(o -> o.id().equals(id)).findFirst();
    }

    @Transactional
    public OpportunityView addOpportunity(NewOpportunity command) {
        Actor actor = professional();
        check(command);
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into participation_opportunity (municipality_id, id, host_agency_id, title, kind,
                            description, area_id, days_hours, capacity, host_offers, interests, accessibility, age_min,
                            age_max, cost, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        id,
                        command.hostAgencyId(),
                        command.title().strip(),
                        command.kind().name(),
                        blankToNull(command.description()),
                        command.areaId(),
                        blankToNull(command.daysHours()),
                        command.capacity(),
                        command.hostOffers().stream().map(Enum::name).toArray(String[]::new),
                        command.interests().stream().map(Enum::name).toArray(String[]::new),
                        blankToNull(command.accessibility()),
                        command.ageMin(),
                        command.ageMax(),
                        blankToNull(command.cost()),
                        now,
                        actor.username(),
                        now,
                        actor.username()))
                .update();
        audit.record(AuditEntry.of(AuditAction.CREATE, "participation-opportunity", id));
        return opportunity(id).orElseThrow();
    }

    /**
     * Changes what an opportunity says (title, host, kind, area, days, capacity, offers, interests, accessibility,
     * ages, cost). Checks the version the user saw; the matches keep pointing at the same opportunity.
     */
    @Transactional
    public OpportunityView updateOpportunity(UUID id, int seenVersion, NewOpportunity command) {
        Actor actor = professional();
        opportunity(id).orElseThrow(() -> new NotFoundException("participation-opportunity", id));
        check(command);
        int changed = jdbc.sql("""
                        update participation_opportunity set host_agency_id = ?, title = ?, kind = ?, description = ?,
                            area_id = ?, days_hours = ?, capacity = ?, host_offers = ?, interests = ?,
                            accessibility = ?, age_min = ?, age_max = ?, cost = ?, updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(Arrays.asList(
                        command.hostAgencyId(),
                        command.title().strip(),
                        command.kind().name(),
                        blankToNull(command.description()),
                        command.areaId(),
                        blankToNull(command.daysHours()),
                        command.capacity(),
                        command.hostOffers().stream().map(Enum::name).toArray(String[]::new),
                        command.interests().stream().map(Enum::name).toArray(String[]::new),
                        blankToNull(command.accessibility()),
                        command.ageMin(),
                        command.ageMax(),
                        blankToNull(command.cost()),
                        Timestamp.from(clock.instant()),
                        actor.username(),
                        tenancy.municipalityId(),
                        id,
                        seenVersion))
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("opportunity " + id + " changed");
        }
        audit.record(
                new AuditEntry(AuditAction.UPDATE, "participation-opportunity", id, null, Map.of("edited", "true")));
        return opportunity(id).orElseThrow();
    }

    private void check(NewOpportunity command) {
        if (command.title().isBlank()) {
            throw new RuleViolation("title", "participation.error.title");
        }
        if (directory.agency(command.hostAgencyId()).filter(AgencyView::active).isEmpty()) {
            throw new RuleViolation("hostAgencyId", "participation.error.host");
        }
        if (command.areaId() != null && areas.find(command.areaId()).isEmpty()) {
            throw new RuleViolation("areaId", "participation.error.area");
        }
        if (command.capacity() != null && command.capacity() < 1) {
            throw new RuleViolation("capacity", "participation.error.capacity");
        }
        if (command.ageMin() != null && command.ageMax() != null && command.ageMin() > command.ageMax()) {
            throw new RuleViolation("ageMax", "participation.error.ages");
        }
    }

    /** Opens or closes an opportunity for newcomers ("open now"). */
    @Transactional
    public void setOpen(UUID id, int seenVersion, boolean open) {
        Actor actor = professional();
        int changed = jdbc.sql("""
                        update participation_opportunity set open = ?, updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(
                        open,
                        Timestamp.from(clock.instant()),
                        actor.username(),
                        tenancy.municipalityId(),
                        id,
                        seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("opportunity " + id + " changed");
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, "participation-opportunity", id));
    }

    // ---- profiles --------------------------------------------------------------------------------------------------

    /** Starts participation support for a current member of a household the user may change. */
    @Transactional
    public ProfileView startProfile(
            UUID householdId,
            UUID personId,
            @Nullable UUID areaId,
            String wishes,
            List<Interest> interests,
            @Nullable String strengths,
            @Nullable String limits) {
        Actor actor = professional();
        access.authorize(PersonalDataAction.WRITE, people.householdScope(householdId), PROFILE);
        boolean member = people.members(householdId).stream()
                .anyMatch(m -> m.current() && m.person().id().equals(personId));
        if (!member) {
            throw new RuleViolation("personId", "participation.error.person");
        }
        if (wishes.isBlank()) {
            throw new RuleViolation("wishes", "participation.error.wishes");
        }
        if (areaId != null && areas.find(areaId).isEmpty()) {
            throw new RuleViolation("areaId", "participation.error.area");
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into participation_profile (municipality_id, id, household_id, person_id, lead_agency_id,
                            area_id, wishes, interests, strengths, limits, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        id,
                        householdId,
                        personId,
                        actor.agencyId(),
                        areaId,
                        wishes.strip(),
                        interests.stream().map(Enum::name).toArray(String[]::new),
                        blankToNull(strengths),
                        blankToNull(limits),
                        now,
                        actor.username(),
                        now,
                        actor.username()))
                .update();
        audit.record(AuditEntry.of(AuditAction.CREATE, PROFILE, id).withPurpose(PROFILE));
        return find(id);
    }

    /**
     * Changes the person's wishes, interests, strengths, limits and the area they can reach. The lead agency's
     * professionals only (WRITE on the record); checks the version the user saw; audited.
     */
    @Transactional
    public ProfileView updateProfile(
            UUID id,
            int seenVersion,
            @Nullable UUID areaId,
            String wishes,
            List<Interest> interests,
            @Nullable String strengths,
            @Nullable String limits) {
        Actor actor = professional();
        ProfileView profile = find(id);
        access.authorize(PersonalDataAction.WRITE, scope(profile), PROFILE);
        if (wishes.isBlank()) {
            throw new RuleViolation("wishes", "participation.error.wishes");
        }
        if (areaId != null && areas.find(areaId).isEmpty()) {
            throw new RuleViolation("areaId", "participation.error.area");
        }
        int changed = jdbc.sql("""
                        update participation_profile set area_id = ?, wishes = ?, interests = ?, strengths = ?,
                            limits = ?, updated_at = ?, updated_by = ?, version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(Arrays.asList(
                        areaId,
                        wishes.strip(),
                        interests.stream().map(Enum::name).toArray(String[]::new),
                        blankToNull(strengths),
                        blankToNull(limits),
                        Timestamp.from(clock.instant()),
                        actor.username(),
                        tenancy.municipalityId(),
                        id,
                        seenVersion))
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("profile " + id + " changed");
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, PROFILE, id).withPurpose(PROFILE));
        return find(id);
    }

    @Transactional
    public ProfileView get(UUID id) {
        ProfileView profile = find(id);
        access.authorize(PersonalDataAction.READ, scope(profile), PROFILE);
        return profile;
    }

    /** The profiles the user's agency leads, each read audited. */
    @Transactional
    public List<ProfileView> ofMyAgency() {
        Actor actor = actor();
        return jdbc
                .sql("select id from participation_profile where municipality_id = ? and lead_agency_id = ?"
                        + " order by created_at desc")
                .params(tenancy.municipalityId(), actor.agencyId())
                .query(UUID.class)
                .list()
                .stream()
                .map(this::get)
                .toList();
    }

    /** The household's profiles the user may read (for the household page). */
    @Transactional
    public List<ProfileView> forHousehold(UUID householdId) {
        Actor actor = actor();
        List<ProfileView> result = new ArrayList<>();
        for (UUID id : jdbc.sql("select id from participation_profile where municipality_id = ? and household_id = ?"
                        + " order by created_at")
                .params(tenancy.municipalityId(), householdId)
                .query(UUID.class)
                .list()) {
            ProfileView p = find(id);
            if (access.mayAccess(actor, PersonalDataAction.READ, scope(p))) {
                access.authorize(PersonalDataAction.READ, scope(p), PROFILE);
                result.add(p);
            }
        }
        return result;
    }

    /**
     * The open opportunities ranked for the person: nearer areas, shared interests, a fitting age and a free place
     * rank higher; each with its reasons. Closed ones are left out.
     */
    @Transactional
    public List<RankedOpportunity> ranked(ProfileView profile) {
        Set<UUID> near = new HashSet<>();
        UUID sameDailyLifeArea = null;
        Map<UUID, AreaView> all = new LinkedHashMap<>();
        areas.tree().forEach(a -> all.put(a.id(), a));
        if (profile.areaId() != null) {
            for (UUID a = profile.areaId();
                    a != null;
                    a = all.containsKey(a) ? all.get(a).parentId() : null) {
                near.add(a);
                if (all.containsKey(a) && all.get(a).level() == AreaLevel.DAILY_LIFE_AREA) {
                    sameDailyLifeArea = a;
                }
            }
        }
        Integer age = people.members(profile.householdId()).stream()
                .filter(m -> m.person().id().equals(profile.personId()))
                .findFirst()
                .map(MemberView::person)
                .map(p -> p.ageOn(Japan.today(clock)))
                .orElse(null);
        Set<UUID> already = new HashSet<>();
        profile.matches().stream()
                .filter(m -> m.step() != MatchStep.ENDED)
                .forEach(m -> already.add(m.opportunityId()));
        List<RankedOpportunity> ranked = new ArrayList<>();
        for (OpportunityView o : opportunities()) {
            if (!o.open() || already.contains(o.id())) {
                continue;
            }
            int score = 0;
            List<RankedOpportunity.Reason> reasons = new ArrayList<>();
            // near: in the area the person can reach, or in an area that contains theirs
            if (o.areaId() != null
                    && (near.contains(o.areaId())
                            || (profile.areaId() != null && inside(all, o.areaId(), profile.areaId())))) {
                score += 3;
                reasons.add(reason("participation.reason.near", areaName(all, o.areaId())));
            } else if (o.areaId() != null && sameDailyLifeArea != null && inside(all, o.areaId(), sameDailyLifeArea)) {
                score += 2;
                reasons.add(reason("participation.reason.sameArea", areaName(all, sameDailyLifeArea)));
            } else if (o.areaId() == null) {
                score += 1;
                reasons.add(reason("participation.reason.anywhere"));
            } else {
                reasons.add(against(
                        "participation.reason.far",
                        all.containsKey(o.areaId()) ? all.get(o.areaId()).name() : ""));
            }
            List<Interest> shared =
                    o.interests().stream().filter(profile.interests()::contains).toList();
            if (!shared.isEmpty()) {
                score += 2 * shared.size();
                reasons.add(new RankedOpportunity.Reason(
                        "participation.reason.interests",
                        List.of(shared.stream().map(Enum::name).toList()),
                        false));
            }
            if (age != null && ((o.ageMin() != null && age < o.ageMin()) || (o.ageMax() != null && age > o.ageMax()))) {
                score -= 5;
                reasons.add(against("participation.reason.age"));
            }
            if (o.full()) {
                score -= 3;
                reasons.add(against("participation.reason.full"));
            } else if (o.capacity() != null) {
                score += 1;
                reasons.add(reason("participation.reason.places", o.capacity() - o.active()));
            }
            if (!o.hostOffers().isEmpty()) {
                score += 1;
                reasons.add(new RankedOpportunity.Reason(
                        "participation.reason.offers",
                        List.of(o.hostOffers().stream().map(Enum::name).toList()),
                        false));
            }
            ranked.add(new RankedOpportunity(o, score, reasons));
        }
        ranked.sort(Comparator.comparingInt(RankedOpportunity::score).reversed().thenComparing(r -> r.opportunity()
                .title()));
        return ranked;
    }

    private static boolean inside(Map<UUID, AreaView> all, UUID area, UUID ancestor) {
        for (UUID a = area; a != null; a = all.containsKey(a) ? all.get(a).parentId() : null) {
            if (a.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private static RankedOpportunity.Reason reason(String key, Object... args) {
        return new RankedOpportunity.Reason(key, List.of(args), false);
    }

    private static RankedOpportunity.Reason against(String key, Object... args) {
        return new RankedOpportunity.Reason(key, List.of(args), true);
    }

    // ---- matches ---------------------------------------------------------------------------------------------------

    /** Introduces the person to an open opportunity (紹介). */
    @Transactional
    public ProfileView introduce(UUID profileId, UUID opportunityId, LocalDate on, @Nullable String accompaniedBy) {
        ProfileView profile = find(profileId);
        access.authorize(PersonalDataAction.WRITE, scope(profile), "participation match");
        OpportunityView o = opportunity(opportunityId)
                .filter(OpportunityView::open)
                .orElseThrow(() -> new RuleViolation("opportunityId", "participation.error.opportunity"));
        if (profile.matches().stream().anyMatch(m -> m.opportunityId().equals(o.id()) && m.step() != MatchStep.ENDED)) {
            throw new RuleViolation("opportunityId", "participation.error.alreadyMatched");
        }
        if (on.isAfter(Japan.today(clock))) {
            throw new RuleViolation("on", "participation.error.future");
        }
        Actor actor = actor();
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into participation_match (municipality_id, id, profile_id, opportunity_id, step, step_on,
                            introduced_on, follow_up_on, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, 'INTRODUCED', ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        tenancy.municipalityId(),
                        id,
                        profileId,
                        opportunityId,
                        on,
                        on,
                        on.plusWeeks(2),
                        now,
                        actor.username(),
                        now,
                        actor.username())
                .update();
        insertStep(id, MatchStep.INTRODUCED, on, accompaniedBy, null, null, now, actor);
        audit.record(
                AuditEntry.of(AuditAction.CREATE, "participation-match", id).withPurpose("participation match"));
        return find(profileId);
    }

    /**
     * The next step of a match on a date, who accompanied, what the host needed and what was done (ホスト支援), and the
     * next follow-up date. Ending needs a reason. Checks the version the user saw.
     */
    @Transactional
    public ProfileView step(
            UUID matchId,
            int seenVersion,
            MatchStep to,
            LocalDate on,
            @Nullable String accompaniedBy,
            @Nullable String hostSupport,
            @Nullable String note,
            @Nullable LocalDate followUpOn,
            @Nullable MatchEndReason endReason) {
        UUID profileId = profileIdOfMatch(matchId);
        ProfileView profile = find(profileId);
        access.authorize(PersonalDataAction.WRITE, scope(profile), "participation match");
        ProfileView.MatchView match = profile.matches().stream()
                .filter(m -> m.id().equals(matchId))
                .findFirst()
                .orElseThrow();
        if (!match.step().next().contains(to)) {
            throw new RuleViolation("to", "participation.error.step");
        }
        if (on.isAfter(Japan.today(clock))) {
            throw new RuleViolation("on", "participation.error.future");
        }
        if (on.isBefore(match.stepOn())) {
            throw new RuleViolation("on", "participation.error.beforeStep");
        }
        if (to == MatchStep.ENDED && endReason == null) {
            throw new RuleViolation("endReason", "participation.error.endReason");
        }
        Actor actor = actor();
        Timestamp now = Timestamp.from(clock.instant());
        int changed = jdbc.sql("""
                        update participation_match set step = ?, step_on = ?, end_reason = ?,
                            host_support = coalesce(?, host_support), follow_up_on = ?, updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(Arrays.asList(
                        to.name(),
                        on,
                        endReason == null ? null : endReason.name(),
                        blankToNull(hostSupport),
                        to == MatchStep.ENDED ? null : followUpOn,
                        now,
                        actor.username(),
                        tenancy.municipalityId(),
                        matchId,
                        seenVersion))
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("match " + matchId + " changed");
        }
        insertStep(matchId, to, on, accompaniedBy, hostSupport, note, now, actor);
        audit.record(new AuditEntry(
                AuditAction.UPDATE, "participation-match", matchId, "participation match", Map.of("step", to.name())));
        return find(profileId);
    }

    /** Records the outcome three or six months after the introduction (due from then on). */
    @Transactional
    public ProfileView outcome(UUID matchId, int seenVersion, int months, String outcome) {
        UUID profileId = profileIdOfMatch(matchId);
        ProfileView profile = find(profileId);
        access.authorize(PersonalDataAction.WRITE, scope(profile), "participation match");
        ProfileView.MatchView match = profile.matches().stream()
                .filter(m -> m.id().equals(matchId))
                .findFirst()
                .orElseThrow();
        if (months != 3 && months != 6) {
            throw new RuleViolation("months", "participation.error.months");
        }
        if (!match.outcomeDue(months, Japan.today(clock))) {
            throw new RuleViolation("months", "participation.error.notDue");
        }
        if (outcome.isBlank()) {
            throw new RuleViolation("outcome", "participation.error.outcome");
        }
        int changed = jdbc.sql("update participation_match set " + (months == 3 ? "outcome_3m" : "outcome_6m")
                        + " = ?, updated_at = ?, updated_by = ?, version = version + 1"
                        + " where municipality_id = ? and id = ? and version = ?")
                .params(
                        outcome.strip(),
                        Timestamp.from(clock.instant()),
                        actor().username(),
                        tenancy.municipalityId(),
                        matchId,
                        seenVersion)
                .update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("match " + matchId + " changed");
        }
        audit.record(new AuditEntry(
                AuditAction.UPDATE,
                "participation-match",
                matchId,
                "participation outcome",
                Map.of("months", String.valueOf(months))));
        return find(profileId);
    }

    /** The matches of the user's agency whose follow-up date has passed, with the profile they belong to. */
    @Transactional
    public List<ProfileView> withOverdueFollowUps() {
        LocalDate today = Japan.today(clock);
        return ofMyAgency().stream()
                .filter(p -> p.matches().stream().anyMatch(m -> m.followUpOverdue(today)))
                .toList();
    }

    public UUID profileIdOfMatch(UUID matchId) {
        return jdbc.sql("select profile_id from participation_match where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), matchId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("participation-match", matchId));
    }

    // ---- unmet needs -----------------------------------------------------------------------------------------------

    @Transactional
    public UnmetNeedView recordNeed(
            String what, OpportunityKind kind, @Nullable UUID areaId, String forWhom, List<String> issueCodes) {
        Actor actor = professional();
        if (what.isBlank()) {
            throw new RuleViolation("what", "participation.error.what");
        }
        if (forWhom.isBlank()) {
            throw new RuleViolation("forWhom", "participation.error.forWhom");
        }
        if (areaId != null && areas.find(areaId).isEmpty()) {
            throw new RuleViolation("areaId", "participation.error.area");
        }
        if (!consultations.issueCodesByCode().keySet().containsAll(issueCodes)) {
            throw new RuleViolation("issueCodes", "participation.error.issue");
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into unmet_need (municipality_id, id, what, kind, area_id, for_whom, issue_codes,
                            agency_id, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        id,
                        what.strip(),
                        kind.name(),
                        areaId,
                        forWhom.strip(),
                        issueCodes.toArray(String[]::new),
                        actor.agencyId(),
                        now,
                        actor.username(),
                        now,
                        actor.username()))
                .update();
        audit.record(AuditEntry.of(AuditAction.CREATE, "unmet-need", id));
        return needs().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<UnmetNeedView> needs() {
        return jdbc.sql("select * from unmet_need where municipality_id = ? order by created_at desc")
                .param(tenancy.municipalityId())
                .query((rs, i) -> new UnmetNeedView(
                        rs.getObject("id", UUID.class),
                        rs.getString("what"),
                        OpportunityKind.valueOf(rs.getString("kind")),
                        rs.getObject("area_id", UUID.class),
                        rs.getString("for_whom"),
                        strings(rs.getArray("issue_codes")),
                        rs.getObject("agency_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /** The needs counted by area and kind, most first: what the municipality should develop, and where. */
    @Transactional(readOnly = true)
    public List<UnmetNeedView.Count> needCounts() {
        return jdbc.sql("""
                        select area_id, kind, count(*) n from unmet_need where municipality_id = ?
                        group by area_id, kind order by n desc, kind
                        """)
                .param(tenancy.municipalityId())
                .query((rs, i) -> new UnmetNeedView.Count(
                        rs.getObject("area_id", UUID.class),
                        OpportunityKind.valueOf(rs.getString("kind")),
                        rs.getLong("n")))
                .list();
    }

    // ---- rows ------------------------------------------------------------------------------------------------------

    static RecordScope scope(ProfileView p) {
        return RecordScope.ownedBy(PROFILE, p.id(), p.leadAgencyId());
    }

    private static final String OPPORTUNITIES = """
            select o.*, (select count(*) from participation_match m where m.municipality_id = o.municipality_id and m.opportunity_id = o.id
                and m.step <> 'ENDED') active
            from participation_opportunity o where o.municipality_id = :m""";

    private static OpportunityView opportunity(java.sql.ResultSet rs) throws SQLException {
        return new OpportunityView(
                rs.getObject("id", UUID.class),
                rs.getObject("host_agency_id", UUID.class),
                rs.getString("title"),
                OpportunityKind.valueOf(rs.getString("kind")),
                rs.getString("description"),
                rs.getObject("area_id", UUID.class),
                rs.getString("days_hours"),
                (Integer) rs.getObject("capacity"),
                strings(rs.getArray("host_offers")).stream()
                        .map(HostOffer::valueOf)
                        .toList(),
                strings(rs.getArray("interests")).stream()
                        .map(Interest::valueOf)
                        .toList(),
                rs.getString("accessibility"),
                (Integer) rs.getObject("age_min"),
                (Integer) rs.getObject("age_max"),
                rs.getString("cost"),
                rs.getBoolean("open"),
                rs.getInt("active"),
                rs.getInt("version"));
    }

    ProfileView find(UUID id) {
        UUID m = tenancy.municipalityId();
        Map<UUID, List<ProfileView.StepView>> steps = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.* from participation_match_step s join participation_match x on x.municipality_id = s.municipality_id and x.id = s.match_id
                        where s.municipality_id = ? and x.profile_id = ? order by s.step_on, s.created_at
                        """).params(m, id).query(rs -> {
            steps.computeIfAbsent(rs.getObject("match_id", UUID.class), k -> new ArrayList<>())
                    .add(new ProfileView.StepView(
                            MatchStep.valueOf(rs.getString("step")),
                            rs.getObject("step_on", LocalDate.class),
                            rs.getString("accompanied_by"),
                            rs.getString("host_support"),
                            rs.getString("note"),
                            rs.getString("created_by")));
        });
        List<ProfileView.MatchView> matches = jdbc.sql("""
                        select x.*, o.title from participation_match x join participation_opportunity o
                            on o.municipality_id = x.municipality_id and o.id = x.opportunity_id
                        where x.municipality_id = ? and x.profile_id = ? order by x.introduced_on, x.created_at
                        """)
                .params(m, id)
                .query((rs, i) -> {
                    String end = rs.getString("end_reason");
                    UUID matchId = rs.getObject("id", UUID.class);
                    return new ProfileView.MatchView(
                            matchId,
                            rs.getObject("opportunity_id", UUID.class),
                            rs.getString("title"),
                            MatchStep.valueOf(rs.getString("step")),
                            rs.getObject("step_on", LocalDate.class),
                            end == null ? null : MatchEndReason.valueOf(end),
                            rs.getString("host_support"),
                            rs.getObject("follow_up_on", LocalDate.class),
                            rs.getString("outcome_3m"),
                            rs.getString("outcome_6m"),
                            rs.getObject("introduced_on", LocalDate.class),
                            rs.getInt("version"),
                            steps.getOrDefault(matchId, List.of()));
                })
                .list();
        return jdbc.sql("select * from participation_profile where municipality_id = ? and id = ?")
                .params(m, id)
                .query((rs, i) -> new ProfileView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("household_id", UUID.class),
                        rs.getObject("person_id", UUID.class),
                        rs.getObject("lead_agency_id", UUID.class),
                        rs.getObject("area_id", UUID.class),
                        rs.getString("wishes"),
                        strings(rs.getArray("interests")).stream()
                                .map(Interest::valueOf)
                                .toList(),
                        rs.getString("strengths"),
                        rs.getString("limits"),
                        rs.getInt("version"),
                        matches))
                .optional()
                .orElseThrow(() -> new NotFoundException(PROFILE, id));
    }

    private void insertStep(
            UUID matchId,
            MatchStep step,
            LocalDate on,
            @Nullable String accompaniedBy,
            @Nullable String hostSupport,
            @Nullable String note,
            Timestamp now,
            Actor actor) {
        jdbc.sql("""
                        insert into participation_match_step (municipality_id, id, match_id, step, step_on,
                            accompanied_by, host_support, note, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        Ids.newId(),
                        matchId,
                        step.name(),
                        on,
                        blankToNull(accompaniedBy),
                        blankToNull(hostSupport),
                        blankToNull(note),
                        now,
                        actor.username(),
                        now,
                        actor.username()))
                .update();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }

    private static Actor professional() {
        Actor actor = actor();
        boolean professional = actor.roleNames().contains(Role.CASEWORKER.name())
                || actor.roleNames().contains(Role.AGENCY_SUPERVISOR.name())
                || actor.roleNames().contains(Role.MUNICIPAL_COORDINATOR.name());
        if (!professional) {
            throw new AccessDeniedException("professionals only");
        }
        return actor;
    }

    private static String areaName(Map<UUID, AreaView> areas, UUID id) {
        AreaView area = areas.get(id);
        return area == null ? "" : area.name();
    }
}
