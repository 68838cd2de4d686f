package org.marugoto.community.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.area.PopulationApi;
import org.marugoto.area.PopulationView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.CaseStatistics;
import org.marugoto.community.domain.CommunityIssue.Evidence;
import org.marugoto.consultation.ConsultationStatistics;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community issues (地域生活課題) and the area meetings that discuss them, kept by the reviewers (社協 staff and
 * coordinators). The evidence is taken from the records as counts by issue code through the consultation and casework
 * modules' statistics, and stored with counts below 5 hidden; nothing names a person. Feedback is published to the
 * residents' pages when the meeting decided so.
 */
@Service
public class IssueService {

    static final String ISSUE = "community-issue";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final AreaApi areas;
    private final CommunityService community;
    private final ConsultationStatistics consultations;
    private final CaseStatistics cases;
    private final Clock clock;
    private final PopulationApi population;

    IssueService(
            JdbcClient jdbc,
            Tenancy tenancy,
            AuditApi audit,
            AreaApi areas,
            CommunityService community,
            ConsultationStatistics consultations,
            CaseStatistics cases,
            Clock clock,
            PopulationApi population) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.areas = areas;
        this.community = community;
        this.consultations = consultations;
        this.cases = cases;
        this.clock = clock;
        this.population = population;
    }

    private void requireReviewer() {
        if (!community.isReviewer(
                CurrentActor.get().orElseThrow(() -> new AccessDeniedException("not authenticated")))) {
            throw new AccessDeniedException("community issues are kept by 社協 staff and coordinators");
        }
    }

    /** The area's indicators beside the city's, and its counts by issue code for the period. */
    @Transactional(readOnly = true)
    public AreaFigures figures(UUID areaId, LocalDate from, LocalDate to) {
        requireReviewer();
        List<AreaView> tree = areas.tree();
        AreaView area = tree.stream()
                .filter(a -> a.id().equals(areaId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("area", areaId));
        Set<UUID> inside = ActivityFinder.descendants(tree, areaId);
        Set<UUID> all = tree.stream().map(AreaView::id).collect(Collectors.toSet());
        PopulationView table = population.population(areaId, to).orElse(null);
        PopulationView cityTable = population.city(to).orElse(null);
        int cityPopulation = cityTable != null
                ? cityTable.persons()
                : tree.stream()
                        .filter(a -> a.parentId() == null && a.population() != null)
                        .mapToInt(AreaView::population)
                        .sum();
        List<Activity> published = community.published();
        int places = (int)
                published.stream().filter(a -> inside.contains(a.areaId())).count();
        Integer residents = table != null ? Integer.valueOf(table.persons()) : area.population();
        long areaConsultations = consultations.consultations(inside, from, to);
        long cityConsultations = consultations.consultations(all, from, to);
        return new AreaFigures(
                area,
                from,
                to,
                residents,
                area.households(),
                places,
                perThousand(places, residents),
                perThousand(published.size(), cityPopulation),
                AreaFigures.hideSmall(areaConsultations),
                areaConsultations < AreaFigures.SMALL ? null : perThousand(areaConsultations, residents),
                perThousand(cityConsultations, cityPopulation),
                evidence(inside, from, to),
                table,
                cityTable);
    }

    private List<Evidence> evidence(Set<UUID> inside, LocalDate from, LocalDate to) {
        Map<String, Long> byConsultation = consultations.consultationsByIssue(inside, from, to);
        Map<String, Long> byCase = cases.casesByIssue(inside, from, to);
        Set<String> codes = new LinkedHashSet<>(byConsultation.keySet());
        codes.addAll(byCase.keySet());
        List<Evidence> rows = new ArrayList<>();
        for (String code : codes) {
            rows.add(new Evidence(
                    code,
                    AreaFigures.hideSmall(byConsultation.getOrDefault(code, 0L)),
                    AreaFigures.hideSmall(byCase.getOrDefault(code, 0L))));
        }
        return rows;
    }

    private static @Nullable Double perThousand(long count, @Nullable Integer population) {
        if (population == null || population == 0) {
            return null;
        }
        return Math.round(count * 10_000.0 / population) / 10.0;
    }

    /** A CSW (or a meeting) proposes an issue for an area, with the area's figures for the period as evidence. */
    @Transactional
    public CommunityIssue propose(
            UUID areaId,
            String title,
            String description,
            LocalDate from,
            LocalDate to,
            CommunityIssue.Proposer proposedBy) {
        requireReviewer();
        if (title.isBlank()) {
            throw new RuleViolation("title", "community.issue.error.title");
        }
        if (description.isBlank()) {
            throw new RuleViolation("description", "community.issue.error.description");
        }
        if (from.isAfter(to)) {
            throw new RuleViolation("periodTo", "community.issue.error.period");
        }
        AreaFigures figures = figures(areaId, from, to);
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into community_issue (municipality_id, id, area_id, title, description, period_from,
                            period_to, evidence, proposed_by, status, created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)
                        """)
                .params(
                        tenancy.municipalityId(),
                        id,
                        areaId,
                        title.strip(),
                        description.strip(),
                        from,
                        to,
                        encode(figures.evidence()),
                        proposedBy.name(),
                        now,
                        CurrentActor.username(),
                        now,
                        CurrentActor.username())
                .update();
        audit.record(new AuditEntry(AuditAction.CREATE, ISSUE, id, "community issue", Map.of()));
        return get(id);
    }

    @Transactional(readOnly = true)
    public List<CommunityIssue> forArea(UUID areaId) {
        requireReviewer();
        Set<UUID> inside = ActivityFinder.descendants(areas.tree(), areaId);
        return select(" and area_id in (:areas) order by created_at desc", Map.of("areas", inside));
    }

    @Transactional(readOnly = true)
    public List<CommunityIssue> all() {
        requireReviewer();
        return select(" order by created_at desc", Map.of());
    }

    @Transactional(readOnly = true)
    public CommunityIssue get(UUID id) {
        requireReviewer();
        return find(id);
    }

    /** A meeting that discussed the issue (minutes without personal data), with an optional first action. */
    @Transactional
    public CommunityIssue recordMeeting(
            UUID issueId,
            CommunityIssue.MeetingKind kind,
            LocalDate heldOn,
            String organisations,
            String minutes,
            @Nullable String action,
            @Nullable String owner,
            @Nullable LocalDate due) {
        requireReviewer();
        find(issueId);
        if (organisations.isBlank()) {
            throw new RuleViolation("organisations", "community.meeting.error.organisations");
        }
        if (minutes.isBlank()) {
            throw new RuleViolation("minutes", "community.meeting.error.minutes");
        }
        boolean hasAction = action != null && !action.isBlank();
        if (hasAction && (owner == null || owner.isBlank())) {
            throw new RuleViolation("actionOwner", "community.meeting.error.owner");
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into area_meeting (municipality_id, id, issue_id, kind, held_on, organisations, minutes,
                            created_at, created_by, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        tenancy.municipalityId(),
                        id,
                        issueId,
                        kind.name(),
                        heldOn,
                        organisations.strip(),
                        minutes.strip(),
                        now,
                        CurrentActor.username(),
                        now,
                        CurrentActor.username())
                .update();
        if (hasAction && action != null && owner != null) {
            jdbc.sql("""
                            insert into area_meeting_action (municipality_id, id, meeting_id, description, owner, due_on,
                                status, created_at, created_by, updated_at, updated_by)
                            values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)
                            """)
                    .params(Arrays.asList(
                            tenancy.municipalityId(),
                            Ids.newId(),
                            id,
                            action.strip(),
                            owner.strip(),
                            due,
                            now,
                            CurrentActor.username(),
                            now,
                            CurrentActor.username()))
                    .update();
        }
        audit.record(
                new AuditEntry(AuditAction.CREATE, "area-meeting", id, "area meeting", Map.of("kind", kind.name())));
        return find(issueId);
    }

    @Transactional
    public void markActionDone(UUID actionId, int seenVersion) {
        requireReviewer();
        int updated = jdbc.sql("""
                        update area_meeting_action set status = 'DONE', updated_at = ?, updated_by = ?,
                            version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(
                        Timestamp.from(clock.instant()),
                        CurrentActor.username(),
                        tenancy.municipalityId(),
                        actionId,
                        seenVersion)
                .update();
        if (updated == 0) {
            if (jdbc.sql("select count(*) from area_meeting_action where municipality_id = ? and id = ?")
                            .params(tenancy.municipalityId(), actionId)
                            .query(Long.class)
                            .single()
                    == 0) {
                throw new NotFoundException("area-meeting-action", actionId);
            }
            throw new OptimisticLockingFailureException("action changed");
        }
        audit.record(new AuditEntry(AuditAction.UPDATE, "area-meeting-action", actionId, "action done", Map.of()));
    }

    /** The meeting decided: the feedback is published to the residents' pages. */
    @Transactional
    public CommunityIssue publishFeedback(UUID issueId, int seenVersion, String feedback) {
        requireReviewer();
        find(issueId);
        if (feedback.isBlank()) {
            throw new RuleViolation("feedback", "community.issue.error.feedback");
        }
        int updated = jdbc.sql("""
                        update community_issue set feedback = ?, feedback_published = true, status = 'DECIDED',
                            updated_at = ?, updated_by = ?, version = version + 1
                        where municipality_id = ? and id = ? and version = ?
                        """)
                .params(
                        feedback.strip(),
                        Timestamp.from(clock.instant()),
                        CurrentActor.username(),
                        tenancy.municipalityId(),
                        issueId,
                        seenVersion)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("issue changed");
        }
        audit.record(new AuditEntry(AuditAction.UPDATE, ISSUE, issueId, "publish feedback", Map.of()));
        return find(issueId);
    }

    /** What residents see: the issues whose feedback was published (title, area, period, feedback). */
    @Transactional(readOnly = true)
    public List<CommunityIssue> publishedFeedback() {
        return select(" and feedback_published order by updated_at desc", Map.of());
    }

    private CommunityIssue find(UUID id) {
        return select(" and id = :id", Map.of("id", id)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ISSUE, id));
    }

    private List<CommunityIssue> select(String where, Map<String, Object> params) {
        List<CommunityIssue> issues = jdbc.sql("select * from community_issue where municipality_id = :m" + where)
                .params(params)
                .param("m", tenancy.municipalityId())
                .query(IssueService::issueRow)
                .list();
        if (issues.isEmpty()) {
            return issues;
        }
        Map<UUID, List<CommunityIssue.Meeting>> meetings = new LinkedHashMap<>();
        List<UUID> ids = issues.stream().map(CommunityIssue::id).toList();
        Map<UUID, List<CommunityIssue.Action>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                        select x.* from area_meeting_action x join area_meeting m
                            on m.municipality_id = x.municipality_id and m.id = x.meeting_id
                        where x.municipality_id = :m and m.issue_id in (:ids) order by x.created_at
                        """)
                .param("m", tenancy.municipalityId())
                .param("ids", ids)
                .query((rs, i) -> actions.computeIfAbsent(
                                rs.getObject("meeting_id", UUID.class), k -> new ArrayList<>())
                        .add(new CommunityIssue.Action(
                                rs.getObject("id", UUID.class),
                                rs.getString("description"),
                                rs.getString("owner"),
                                rs.getObject("due_on", LocalDate.class),
                                "DONE".equals(rs.getString("status")),
                                rs.getInt("version"))))
                .list();
        jdbc.sql("select * from area_meeting where municipality_id = :m and issue_id in (:ids) order by held_on")
                .param("m", tenancy.municipalityId())
                .param("ids", ids)
                .query((rs, i) -> {
                    UUID meetingId = rs.getObject("id", UUID.class);
                    return meetings.computeIfAbsent(rs.getObject("issue_id", UUID.class), k -> new ArrayList<>())
                            .add(new CommunityIssue.Meeting(
                                    meetingId,
                                    CommunityIssue.MeetingKind.valueOf(rs.getString("kind")),
                                    rs.getObject("held_on", LocalDate.class),
                                    rs.getString("organisations"),
                                    rs.getString("minutes"),
                                    actions.getOrDefault(meetingId, List.of())));
                })
                .list();
        return issues.stream()
                .map(i -> new CommunityIssue(
                        i.id(),
                        i.areaId(),
                        i.title(),
                        i.description(),
                        i.periodFrom(),
                        i.periodTo(),
                        i.evidence(),
                        i.proposedBy(),
                        i.status(),
                        i.feedback(),
                        i.feedbackPublished(),
                        meetings.getOrDefault(i.id(), List.of()),
                        i.version()))
                .toList();
    }

    private static CommunityIssue issueRow(ResultSet rs, int i) throws SQLException {
        return new CommunityIssue(
                rs.getObject("id", UUID.class),
                rs.getObject("area_id", UUID.class),
                rs.getString("title"),
                rs.getString("description"),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                decode(rs.getString("evidence")),
                CommunityIssue.Proposer.valueOf(rs.getString("proposed_by")),
                CommunityIssue.Status.valueOf(rs.getString("status")),
                rs.getString("feedback"),
                rs.getBoolean("feedback_published"),
                List.of(),
                rs.getInt("version"));
    }

    /** "CODE=consultations/cases" per line, -1 for a hidden count. */
    static String encode(List<Evidence> rows) {
        return rows.stream()
                .map(r -> r.issueCode() + "=" + (r.consultations() == null ? -1 : r.consultations()) + "/"
                        + (r.cases() == null ? -1 : r.cases()))
                .collect(Collectors.joining("\n"));
    }

    static List<Evidence> decode(String text) {
        List<Evidence> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            int slash = line.indexOf('/');
            if (eq < 0 || slash < eq) {
                continue;
            }
            long c = Long.parseLong(line.substring(eq + 1, slash));
            long k = Long.parseLong(line.substring(slash + 1));
            rows.add(new Evidence(line.substring(0, eq), c < 0 ? null : c, k < 0 ? null : k));
        }
        return rows;
    }
}
