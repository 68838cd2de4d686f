package org.marugoto.community.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.access.Role;
import org.marugoto.area.AreaApi;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.directory.AgencyKind;
import org.marugoto.directory.DirectoryApi;
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
 * Groups and their activities. An organiser (COMMUNITY_ORGANISER) writes the working copies of their groups'
 * activities; a reviewer — staff of the 社会福祉協議会 (caseworkers and supervisors there) or a municipal coordinator —
 * publishes a working copy, which copies it to the table residents read, or returns it with a note. Every change is
 * audited. None of this is personal data of consultations; the residents' interest messages are in
 * {@link InterestService}.
 */
@Service
public class CommunityService {

    static final String ACTIVITY = "community-activity";
    static final String GROUP = "community-group";

    /** An entry not updated or confirmed for this many months is stale (the organiser is reminded). */
    public static final int STALE_MONTHS = 6;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final AreaApi areas;
    private final DirectoryApi directory;
    private final Clock clock;

    CommunityService(
            JdbcClient jdbc, Tenancy tenancy, AuditApi audit, AreaApi areas, DirectoryApi directory, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.areas = areas;
        this.directory = directory;
        this.clock = clock;
    }

    // ---- who may do what

    /** 社協 staff (caseworkers and supervisors of a 社会福祉協議会 or 地区社協) and municipal coordinators. */
    public boolean isReviewer(Actor actor) {
        Set<String> roles = actor.roleNames();
        if (roles.contains(Role.MUNICIPAL_COORDINATOR.name())) {
            return true;
        }
        if (!roles.contains(Role.CASEWORKER.name()) && !roles.contains(Role.AGENCY_SUPERVISOR.name())) {
            return false;
        }
        return directory
                .agency(actor.agencyId())
                .map(a -> a.kind() == AgencyKind.SOCIAL_WELFARE_COUNCIL
                        || a.kind() == AgencyKind.DISTRICT_SOCIAL_WELFARE_COUNCIL)
                .orElse(false);
    }

    public static boolean isOrganiser(Actor actor) {
        return actor.roleNames().contains(Role.COMMUNITY_ORGANISER.name());
    }

    /** Organisers and reviewers use the community desk ({@code /community}). */
    public boolean mayUseDesk(Actor actor) {
        return isOrganiser(actor) || isReviewer(actor);
    }

    private boolean mayEdit(Actor actor, UUID groupId) {
        if (isReviewer(actor)) {
            return true;
        }
        return isOrganiser(actor)
                && group(groupId)
                        .map(g -> actor.accountId().equals(g.organiserAccountId()))
                        .orElse(false);
    }

    // ---- groups

    @Transactional(readOnly = true)
    public List<Group> groups() {
        return jdbc.sql("select * from community_group where municipality_id = ? order by name_kana, name")
                .param(tenancy.municipalityId())
                .query(CommunityService::groupRow)
                .list();
    }

    /** The groups the current user may write activities for: their own as organiser, all as reviewer. */
    @Transactional(readOnly = true)
    public List<Group> writableGroups() {
        Actor actor = actor();
        if (isReviewer(actor)) {
            return groups();
        }
        return groups().stream()
                .filter(g -> actor.accountId().equals(g.organiserAccountId()))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Group> group(UUID id) {
        return jdbc.sql("select * from community_group where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), id)
                .query(CommunityService::groupRow)
                .optional();
    }

    /** Creates a group (reviewers; the demo loader), or returns the one of that name. */
    @Transactional
    public Group ensureGroup(
            String name,
            @Nullable String kana,
            GroupKind kind,
            @Nullable UUID areaId,
            @Nullable String description,
            @Nullable String contact,
            @Nullable UUID organiserAccountId) {
        if (!isReviewer(actor())) {
            throw new AccessDeniedException("only reviewers create groups");
        }
        Optional<Group> existing = jdbc.sql("select * from community_group where municipality_id = ? and name = ?")
                .params(tenancy.municipalityId(), name)
                .query(CommunityService::groupRow)
                .optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into community_group (municipality_id, id, name, name_kana, kind, area_id, description,
                            contact, organiser_account_id, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(Arrays.asList(
                        tenancy.municipalityId(),
                        id,
                        name,
                        kana,
                        kind.name(),
                        areaId,
                        description,
                        contact,
                        organiserAccountId,
                        now,
                        CurrentActor.username(),
                        now,
                        CurrentActor.username()))
                .update();
        audit.record(new AuditEntry(AuditAction.CREATE, GROUP, id, "community group", Map.of("kind", kind.name())));
        return group(id).orElseThrow();
    }

    // ---- working copies

    /** The working copies the current user keeps: their groups' as organiser, every one as reviewer. */
    @Transactional(readOnly = true)
    public List<Activity> mine() {
        Actor actor = actor();
        if (isReviewer(actor)) {
            return select(WORKING, " order by a.name_kana, a.name", Map.of());
        }
        if (!isOrganiser(actor)) {
            throw new AccessDeniedException("community desk");
        }
        return select(
                WORKING,
                " and g.organiser_account_id = :me order by a.name_kana, a.name",
                Map.of("me", actor.accountId()));
    }

    /** Working copies waiting for a reviewer, oldest first. */
    @Transactional(readOnly = true)
    public List<Activity> pendingReviews() {
        if (!isReviewer(actor())) {
            throw new AccessDeniedException("reviews");
        }
        return select(WORKING, " and a.review_state = 'PENDING' order by a.updated_at", Map.of());
    }

    /** Of the current user's entries, those not updated or confirmed for six months and not closed. */
    @Transactional(readOnly = true)
    public List<Activity> staleOfMine() {
        Instant limit = staleLimit();
        return mine().stream()
                .filter(a -> a.status() != ActivityStatus.CLOSED)
                .filter(a -> a.confirmedAt().isBefore(limit))
                .toList();
    }

    /** The moment before which an entry's last confirmation makes it stale. */
    public Instant staleLimit() {
        return clock.instant().atZone(Japan.ZONE).minusMonths(STALE_MONTHS).toInstant();
    }

    @Transactional(readOnly = true)
    public Activity get(UUID id) {
        Activity activity = select(WORKING, " and a.id = :id", Map.of("id", id)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ACTIVITY, id));
        if (!mayEdit(actor(), activity.groupId())) {
            throw new AccessDeniedException("not this group's organiser");
        }
        return activity;
    }

    /** A new entry, waiting for review. */
    @Transactional
    public Activity create(ActivityCommand command) {
        Actor actor = actor();
        check(actor, command);
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into community_activity (municipality_id, id, group_id, kind, volunteer, name, name_kana,
                            description, help_wanted, area_id, venue, address, directions, targets, cost_yen, cost_note,
                            capacity, step_free, accessible_toilet, parking, languages, contact_name, contact_phone,
                            contact_email, schedule_kind, weekdays, nth_weeks, start_time, end_time, cancelled_dates,
                            schedule_note, status, review_state, confirmed_at, created_at, created_by, updated_at,
                            updated_by)
                        values (:m, :id, :groupId, :kind, :volunteer, :name, :nameKana, :description, :helpWanted,
                            :areaId, :venue, :address, :directions, :targets, :costYen, :costNote, :capacity,
                            :stepFree, :toilet, :parking, :languages, :contactName, :contactPhone, :contactEmail,
                            :scheduleKind, :weekdays, :nthWeeks, :startTime, :endTime, :cancelled, :scheduleNote,
                            :status, 'PENDING', :now, :now, :by, :now, :by)
                        """)
                .params(params(command))
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("now", now)
                .param("by", actor.username())
                .update();
        audit.record(new AuditEntry(AuditAction.CREATE, ACTIVITY, id, "community activity", Map.of()));
        return get(id);
    }

    /** Changes the working copy; it waits for review again (the published copy stays as it was until then). */
    @Transactional
    public Activity update(UUID id, int seenVersion, ActivityCommand command) {
        Actor actor = actor();
        Activity current = get(id);
        check(actor, command);
        if (!command.groupId().equals(current.groupId()) && !isReviewer(actor)) {
            throw new RuleViolation("groupId", "community.error.group");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                        update community_activity set group_id = :groupId, kind = :kind, volunteer = :volunteer,
                            name = :name, name_kana = :nameKana, description = :description,
                            help_wanted = :helpWanted, area_id = :areaId, venue = :venue, address = :address,
                            directions = :directions, targets = :targets, cost_yen = :costYen, cost_note = :costNote,
                            capacity = :capacity, step_free = :stepFree, accessible_toilet = :toilet,
                            parking = :parking, languages = :languages, contact_name = :contactName,
                            contact_phone = :contactPhone, contact_email = :contactEmail,
                            schedule_kind = :scheduleKind, weekdays = :weekdays, nth_weeks = :nthWeeks,
                            start_time = :startTime, end_time = :endTime, cancelled_dates = :cancelled,
                            schedule_note = :scheduleNote, status = :status, review_state = 'PENDING',
                            review_note = null, confirmed_at = :now, updated_at = :now, updated_by = :by,
                            version = version + 1
                        where municipality_id = :m and id = :id and version = :version
                        """)
                .params(params(command))
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("version", seenVersion)
                .param("now", now)
                .param("by", actor.username())
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("activity changed");
        }
        audit.record(new AuditEntry(
                AuditAction.UPDATE, ACTIVITY, id, "community activity", Map.of("review", ReviewState.PENDING.name())));
        return get(id);
    }

    /** The organiser says the entry is still right as published: it is no longer stale. */
    @Transactional
    public Activity confirmCurrent(UUID id, int seenVersion) {
        get(id);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                        update community_activity set confirmed_at = ?, updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(now, now, CurrentActor.username(), tenancy.municipalityId(), id, seenVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("activity changed");
        }
        jdbc.sql("update community_activity_published set confirmed_at = ? where municipality_id = ? and id = ?")
                .params(now, tenancy.municipalityId(), id)
                .update();
        audit.record(new AuditEntry(AuditAction.UPDATE, ACTIVITY, id, "confirm current", Map.of()));
        return get(id);
    }

    /** A reviewer publishes the working copy as it is: residents see it from now on. */
    @Transactional
    public Activity publish(UUID id, int seenVersion) {
        Actor actor = actor();
        if (!isReviewer(actor)) {
            throw new AccessDeniedException("only reviewers publish");
        }
        get(id);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                        update community_activity set review_state = 'PUBLISHED', review_note = null,
                            reviewed_at = ?, reviewed_by = ?, updated_at = ?, updated_by = ?, version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(now, actor.username(), now, actor.username(), tenancy.municipalityId(), id, seenVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("activity changed");
        }
        jdbc.sql("delete from community_activity_published where municipality_id = ? and id = ?")
                .params(tenancy.municipalityId(), id)
                .update();
        jdbc.sql("""
                        insert into community_activity_published
                        select * from community_activity where municipality_id = ? and id = ?
                        """).params(tenancy.municipalityId(), id).update();
        audit.record(new AuditEntry(AuditAction.UPDATE, ACTIVITY, id, "publish", Map.of("review", "PUBLISHED")));
        return get(id);
    }

    /** A reviewer returns the working copy to the organiser with a note; the published copy stays. */
    @Transactional
    public Activity returnToOrganiser(UUID id, int seenVersion, String note) {
        Actor actor = actor();
        if (!isReviewer(actor)) {
            throw new AccessDeniedException("only reviewers return");
        }
        get(id);
        if (note.isBlank()) {
            throw new RuleViolation("note", "community.error.returnNote");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                        update community_activity set review_state = 'RETURNED', review_note = ?,
                            reviewed_at = ?, reviewed_by = ?, updated_at = ?, updated_by = ?, version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(
                        note.strip(),
                        now,
                        actor.username(),
                        now,
                        actor.username(),
                        tenancy.municipalityId(),
                        id,
                        seenVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("activity changed");
        }
        audit.record(new AuditEntry(AuditAction.UPDATE, ACTIVITY, id, "return", Map.of("review", "RETURNED")));
        return get(id);
    }

    /** The published copy of an activity, if it was ever published. For the reviewer's comparison. */
    @Transactional(readOnly = true)
    public Optional<Activity> publishedCopy(UUID id) {
        return select(PUBLISHED, " and a.id = :id", Map.of("id", id)).stream().findFirst();
    }

    // ---- what residents see

    /** Every published activity that is not closed, by name. */
    @Transactional(readOnly = true)
    public List<Activity> published() {
        return select(PUBLISHED, " and a.status <> 'CLOSED' order by a.name_kana, a.name", Map.of());
    }

    /** A published activity that is not closed. */
    @Transactional(readOnly = true)
    public Optional<Activity> published(UUID id) {
        return select(PUBLISHED, " and a.status <> 'CLOSED' and a.id = :id", Map.of("id", id)).stream()
                .findFirst();
    }

    // ---- internals

    private void check(Actor actor, ActivityCommand command) {
        if (group(command.groupId()).isEmpty()) {
            throw new RuleViolation("groupId", "community.error.group");
        }
        if (!mayEdit(actor, command.groupId())) {
            throw new AccessDeniedException("not this group's organiser");
        }
        if (areas.find(command.areaId()).isEmpty()) {
            throw new RuleViolation("areaId", "community.error.area");
        }
        if (command.targets().isEmpty()) {
            throw new RuleViolation("targets", "community.error.targets");
        }
    }

    private static Map<String, Object> params(ActivityCommand c) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("groupId", c.groupId());
        p.put("kind", c.kind().name());
        p.put("volunteer", c.volunteer());
        p.put("name", c.name().strip());
        p.put("nameKana", blankToNull(c.nameKana()));
        p.put("description", c.description().strip());
        p.put("helpWanted", blankToNull(c.helpWanted()));
        p.put("areaId", c.areaId());
        p.put("venue", c.venue().strip());
        p.put("address", c.address().strip());
        p.put("directions", blankToNull(c.directions()));
        p.put("targets", c.targets().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        p.put("costYen", c.costYen());
        p.put("costNote", blankToNull(c.costNote()));
        p.put("capacity", c.capacity());
        p.put("stepFree", c.stepFree());
        p.put("toilet", c.accessibleToilet());
        p.put("parking", c.parking());
        p.put("languages", String.join(",", new LinkedHashSet<>(c.languages())));
        p.put("contactName", blankToNull(c.contactName()));
        p.put("contactPhone", blankToNull(c.contactPhone()));
        p.put("contactEmail", blankToNull(c.contactEmail()));
        Schedule s = c.schedule();
        p.put("scheduleKind", s.kind().name());
        p.put("weekdays", s.weekdayCodes());
        p.put(
                "nthWeeks",
                s.kind() == ScheduleKind.MONTHLY
                        ? s.nthWeeks().stream().map(String::valueOf).collect(Collectors.joining(","))
                        : null);
        p.put("startTime", s.start());
        p.put("endTime", s.end());
        p.put("cancelled", s.cancelled().stream().map(Object::toString).collect(Collectors.joining(",")));
        p.put("scheduleNote", blankToNull(s.note()));
        p.put("status", c.status().name());
        return p;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static final String WORKING = "community_activity";
    private static final String PUBLISHED = "community_activity_published";

    private List<Activity> select(String table, String where, Map<String, Object> params) {
        return jdbc.sql("select a.*, g.name group_name from " + table
                        + " a join community_group g on g.municipality_id = a.municipality_id and g.id = a.group_id"
                        + " where a.municipality_id = :m" + where)
                .params(params)
                .param("m", tenancy.municipalityId())
                .query(CommunityService::activityRow)
                .list();
    }

    static Activity activityRow(ResultSet rs, int i) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        int cost = rs.getInt("cost_yen");
        Integer costYen = rs.wasNull() ? null : cost;
        int cap = rs.getInt("capacity");
        Integer capacity = rs.wasNull() ? null : cap;
        Set<Target> targets = EnumSet.noneOf(Target.class);
        for (String t : rs.getString("targets").split(",")) {
            if (!t.isBlank()) {
                targets.add(Target.valueOf(t));
            }
        }
        Schedule schedule = new Schedule(
                ScheduleKind.valueOf(rs.getString("schedule_kind")),
                Schedule.parseWeekdays(rs.getString("weekdays")),
                Schedule.parseWeeks(rs.getString("nth_weeks")),
                rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class),
                Schedule.parseDates(rs.getString("cancelled_dates")),
                rs.getString("schedule_note"));
        return new Activity(
                rs.getObject("id", UUID.class),
                rs.getObject("group_id", UUID.class),
                rs.getString("group_name"),
                ActivityKind.valueOf(rs.getString("kind")),
                rs.getBoolean("volunteer"),
                rs.getString("name"),
                rs.getString("name_kana"),
                rs.getString("description"),
                rs.getString("help_wanted"),
                rs.getObject("area_id", UUID.class),
                rs.getString("venue"),
                rs.getString("address"),
                rs.getString("directions"),
                targets,
                costYen,
                rs.getString("cost_note"),
                capacity,
                rs.getBoolean("step_free"),
                rs.getBoolean("accessible_toilet"),
                rs.getBoolean("parking"),
                new LinkedHashSet<>(Arrays.asList(rs.getString("languages").split(","))),
                rs.getString("contact_name"),
                rs.getString("contact_phone"),
                rs.getString("contact_email"),
                schedule,
                ActivityStatus.valueOf(rs.getString("status")),
                ReviewState.valueOf(rs.getString("review_state")),
                rs.getString("review_note"),
                reviewed == null ? null : reviewed.toInstant(),
                rs.getTimestamp("confirmed_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"),
                rs.getInt("version"),
                rs.getObject("photo_id", UUID.class),
                rs.getString("photo_alt"));
    }

    private static Group groupRow(ResultSet rs, int i) throws SQLException {
        return new Group(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("name_kana"),
                GroupKind.valueOf(rs.getString("kind")),
                rs.getObject("area_id", UUID.class),
                rs.getString("description"),
                rs.getString("contact"),
                rs.getObject("organiser_account_id", UUID.class),
                rs.getInt("version"));
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated"));
    }
}
