package org.marugoto.planning.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly cycle (進捗管理・評価): the planner opens a fiscal year; each responsible department enters its measures'
 * results (実績), a self-evaluation A–D, issues and next year's direction; the planner sees which departments have
 * not entered everything and reminds them (an urgent item on their home page); the committee's comments are recorded;
 * the year is closed and from then on frozen. Every change is version-checked and audited.
 */
@Service("planProgressService")
public class ProgressService {

    public enum YearStatus {
        OPEN,
        CLOSED
    }

    /** The self-evaluation (自己評価): A 計画以上, B 概ね計画どおり, C 一部遅れ, D 大きく遅れ・未実施. */
    public enum Evaluation {
        A,
        B,
        C,
        D
    }

    public record Year(
            UUID id,
            UUID planId,
            int fiscalYear,
            YearStatus status,
            String committeeComment,
            @Nullable Instant closedAt,
            @Nullable Instant remindedAt,
            int version) {

        public boolean closed() {
            return status == YearStatus.CLOSED;
        }
    }

    public record Progress(
            UUID measureId,
            String result,
            Evaluation evaluation,
            String issues,
            String nextDirection,
            Instant enteredAt,
            String enteredBy,
            int version) {}

    /** What a department types for a measure. */
    public record ProgressEntry(String result, Evaluation evaluation, String issues, String nextDirection) {}

    /** A department and how many of its measures of the year have (not) been entered. */
    public record DepartmentStatus(UUID departmentId, String name, long measures, long entered, List<String> members) {
        public boolean complete() {
            return entered >= measures;
        }
    }

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final AuditApi audit;
    private final PlanAccess access;
    private final IndicatorService indicators;
    private final PlanService plans;

    ProgressService(
            JdbcClient jdbc,
            Tenancy tenancy,
            Clock clock,
            AuditApi audit,
            PlanAccess access,
            IndicatorService indicators,
            PlanService plans) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.audit = audit;
        this.access = access;
        this.indicators = indicators;
        this.plans = plans;
    }

    private UUID m() {
        return tenancy.municipalityId();
    }

    private static Year year(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        Timestamp reminded = rs.getTimestamp("reminded_at");
        return new Year(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getInt("fiscal_year"),
                YearStatus.valueOf(rs.getString("status")),
                rs.getString("committee_comment"),
                closed == null ? null : closed.toInstant(),
                reminded == null ? null : reminded.toInstant(),
                rs.getInt("version"));
    }

    private static final String YEAR_COLUMNS =
            "id, plan_id, fiscal_year, status, committee_comment, closed_at, reminded_at, version";

    public List<Year> years(UUID planId) {
        return jdbc.sql("select " + YEAR_COLUMNS
                        + " from plan_year where municipality_id = :m and plan_id = :p order by fiscal_year desc")
                .param("m", m())
                .param("p", planId)
                .query(ProgressService::year)
                .list();
    }

    /** The open years of every plan (what departments enter into). */
    public List<Year> openYears() {
        return jdbc.sql("select " + YEAR_COLUMNS
                        + " from plan_year where municipality_id = :m and status = 'OPEN' order by fiscal_year desc")
                .param("m", m())
                .query(ProgressService::year)
                .list();
    }

    public Year year(UUID id) {
        return jdbc.sql("select " + YEAR_COLUMNS + " from plan_year where municipality_id = :m and id = :id")
                .param("m", m())
                .param("id", id)
                .query(ProgressService::year)
                .optional()
                .orElseThrow(() -> new NotFoundException("plan-year", id));
    }

    public Optional<Year> year(UUID planId, int fiscalYear) {
        return jdbc.sql("select " + YEAR_COLUMNS
                        + " from plan_year where municipality_id = :m and plan_id = :p and fiscal_year = :y")
                .param("m", m())
                .param("p", planId)
                .param("y", fiscalYear)
                .query(ProgressService::year)
                .optional();
    }

    /** The planner opens a year of the plan's period (once). */
    @Transactional
    public UUID open(UUID planId, int fiscalYear) {
        access.requirePlanner();
        PlanService.Plan plan = plans.plan(planId);
        if (fiscalYear < plan.firstYear() || fiscalYear > plan.lastYear()) {
            throw new RuleViolation("fiscalYear", "planning.year.outsidePeriod", plan.firstYear(), plan.lastYear());
        }
        if (year(planId, fiscalYear).isPresent()) {
            throw new RuleViolation("fiscalYear", "planning.year.alreadyOpened");
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into plan_year (municipality_id, id, plan_id, fiscal_year, status, opened_at, opened_by)
                        values (:m, :id, :p, :y, 'OPEN', :now, :by)""")
                .param("m", m())
                .param("id", id)
                .param("p", planId)
                .param("y", fiscalYear)
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentActor.username())
                .update();
        audit.record(AuditEntry.of(AuditAction.CREATE, "plan-year", id));
        return id;
    }

    /** Every measure's progress of the year, by measure id. */
    public Map<UUID, Progress> progress(UUID yearId) {
        Map<UUID, Progress> all = new LinkedHashMap<>();
        jdbc.sql("""
                        select measure_id, result, evaluation, issues, next_direction, entered_at, entered_by, version
                        from plan_progress where municipality_id = :m and year_id = :y""")
                .param("m", m())
                .param("y", yearId)
                .query(ProgressService::progress)
                .list()
                .forEach(p -> all.put(p.measureId(), p));
        return all;
    }

    public Optional<Progress> progress(UUID yearId, UUID measureId) {
        return jdbc.sql("""
                        select measure_id, result, evaluation, issues, next_direction, entered_at, entered_by, version
                        from plan_progress where municipality_id = :m and year_id = :y and measure_id = :measure""")
                .param("m", m())
                .param("y", yearId)
                .param("measure", measureId)
                .query(ProgressService::progress)
                .optional();
    }

    private static Progress progress(ResultSet rs, int n) throws SQLException {
        return new Progress(
                rs.getObject("measure_id", UUID.class),
                rs.getString("result"),
                Evaluation.valueOf(rs.getString("evaluation").strip()),
                rs.getString("issues"),
                rs.getString("next_direction"),
                rs.getTimestamp("entered_at").toInstant(),
                rs.getString("entered_by"),
                rs.getInt("version"));
    }

    /**
     * A department member (or the planner) saves a measure's progress for an open year. {@code version} is the version
     * the form was opened with: -1 for "nothing entered yet"; a stale one is refused.
     */
    @Transactional
    public void save(UUID yearId, UUID measureId, int version, ProgressEntry entry) {
        access.requireMeasureEditor(measureId);
        Year year = year(yearId);
        PlanService.Measure measure = plans.measure(measureId);
        if (!measure.planId().equals(year.planId())) {
            throw new NotFoundException("plan-measure", measureId);
        }
        if (year.closed()) {
            throw new RuleViolation(null, "planning.year.closedRefused");
        }
        if (entry.result().isBlank()) {
            throw new RuleViolation("result", "planning.progress.resultRequired");
        }
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Progress> existing = progress(yearId, measureId);
        if (existing.isEmpty()) {
            if (version != -1) {
                throw new OptimisticLockingFailureException("plan progress " + measureId);
            }
            int inserted = jdbc.sql("""
                            insert into plan_progress (municipality_id, year_id, measure_id, result, evaluation, issues,
                                next_direction, entered_at, entered_by)
                            values (:m, :y, :measure, :result, :eval, :issues, :next, :now, :by)
                            on conflict do nothing""")
                    .param("m", m())
                    .param("y", yearId)
                    .param("measure", measureId)
                    .param("result", entry.result().strip())
                    .param("eval", entry.evaluation().name())
                    .param("issues", entry.issues().strip())
                    .param("next", entry.nextDirection().strip())
                    .param("now", now)
                    .param("by", CurrentActor.username())
                    .update();
            if (inserted == 0) {
                throw new OptimisticLockingFailureException("plan progress " + measureId);
            }
        } else {
            int updated = jdbc.sql("""
                            update plan_progress set result = :result, evaluation = :eval, issues = :issues,
                                next_direction = :next, entered_at = :now, entered_by = :by, version = version + 1
                            where municipality_id = :m and year_id = :y and measure_id = :measure
                                and version = :version""")
                    .param("result", entry.result().strip())
                    .param("eval", entry.evaluation().name())
                    .param("issues", entry.issues().strip())
                    .param("next", entry.nextDirection().strip())
                    .param("now", now)
                    .param("by", CurrentActor.username())
                    .param("m", m())
                    .param("y", yearId)
                    .param("measure", measureId)
                    .param("version", version)
                    .update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("plan progress " + measureId);
            }
        }
        audit.record(new AuditEntry(
                AuditAction.UPDATE, "plan-progress", measureId, null, Map.of("fiscalYear", "" + year.fiscalYear())));
    }

    /** Each responsible department with its measures in the plan and how many of them have progress for the year. */
    public List<DepartmentStatus> departmentStatus(UUID yearId) {
        Year year = year(yearId);
        Map<UUID, List<String>> members = plans.members();
        List<DepartmentStatus> all = new ArrayList<>();
        jdbc.sql("""
                        select d.id, d.name, count(*) as measures, count(p.measure_id) as entered
                        from plan_measure_department md
                        join plan_measure pm on pm.municipality_id = md.municipality_id and pm.id = md.measure_id
                        join plan_department d on d.municipality_id = md.municipality_id and d.id = md.department_id
                        left join plan_progress p on p.municipality_id = md.municipality_id and p.year_id = :y
                            and p.measure_id = md.measure_id
                        where md.municipality_id = :m and pm.plan_id = :p
                        group by d.id, d.name order by d.name""")
                .param("y", yearId)
                .param("m", m())
                .param("p", year.planId())
                .query((rs, n) -> new DepartmentStatus(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        members.getOrDefault(rs.getObject(1, UUID.class), List.of())))
                .list()
                .forEach(all::add);
        return all;
    }

    /**
     * The planner reminds the departments that have not entered everything: the reminder shows on their members' home
     * page as an urgent item until they have entered. Returns how many departments were reminded.
     */
    @Transactional
    public int remind(UUID yearId) {
        access.requirePlanner();
        Year year = year(yearId);
        if (year.closed()) {
            throw new RuleViolation(null, "planning.year.closedRefused");
        }
        jdbc.sql("update plan_year set reminded_at = :now where municipality_id = :m and id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("m", m())
                .param("id", yearId)
                .update();
        int pending = (int)
                departmentStatus(yearId).stream().filter(d -> !d.complete()).count();
        audit.record(new AuditEntry(AuditAction.UPDATE, "plan-year", yearId, null, Map.of("reminded", "" + pending)));
        return pending;
    }

    /** The committee's comments (推進協議会・評価委員会), recorded by the planner. */
    @Transactional
    public void comment(UUID yearId, int version, String comment) {
        access.requirePlanner();
        Year year = year(yearId);
        if (year.closed()) {
            throw new RuleViolation("comment", "planning.year.closedRefused");
        }
        if (comment.length() > 4000) {
            throw new RuleViolation("comment", "planning.comment.tooLong");
        }
        int updated = jdbc.sql("""
                        update plan_year set committee_comment = :c, version = version + 1
                        where municipality_id = :m and id = :id and version = :v""")
                .param("c", comment.strip())
                .param("m", m())
                .param("id", yearId)
                .param("v", version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("plan year " + yearId);
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, "plan-year", yearId));
    }

    /** Closes the year: the computed indicators' figures are frozen and nothing of the year can be changed again. */
    @Transactional
    public void close(UUID yearId, int version) {
        access.requirePlanner();
        Year year = year(yearId);
        if (year.closed()) {
            throw new RuleViolation(null, "planning.year.closedRefused");
        }
        int updated = jdbc.sql("""
                        update plan_year set status = 'CLOSED', closed_at = :now, closed_by = :by,
                            version = version + 1
                        where municipality_id = :m and id = :id and version = :v and status = 'OPEN'""")
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentActor.username())
                .param("m", m())
                .param("id", yearId)
                .param("v", version)
                .update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("plan year " + yearId);
        }
        indicators.freeze(year.planId(), year.fiscalYear());
        audit.record(new AuditEntry(AuditAction.UPDATE, "plan-year", yearId, null, Map.of("status", "CLOSED")));
    }

    /** The measures of open years the actor's departments have not entered yet: their work. */
    public List<Pending> pendingFor(Actor actor) {
        Set<UUID> departments = access.departmentsOf(actor);
        if (departments.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct y.id as year_id, y.fiscal_year, y.reminded_at, pm.id as measure_id, pm.number,
                            pm.name
                        from plan_year y
                        join plan_measure pm on pm.municipality_id = y.municipality_id and pm.plan_id = y.plan_id
                        join plan_measure_department md on md.municipality_id = pm.municipality_id
                            and md.measure_id = pm.id
                        where y.municipality_id = :m and y.status = 'OPEN' and md.department_id in (:d)
                            and not exists (select 1 from plan_progress p where p.municipality_id = y.municipality_id
                                and p.year_id = y.id and p.measure_id = pm.id)
                        order by y.fiscal_year, pm.number""")
                .param("m", m())
                .param("d", departments)
                .query((rs, n) -> new Pending(
                        rs.getObject("year_id", UUID.class),
                        rs.getInt("fiscal_year"),
                        rs.getObject("measure_id", UUID.class),
                        rs.getString("number"),
                        rs.getString("name"),
                        rs.getTimestamp("reminded_at") != null))
                .list();
    }

    /** A measure whose progress for an open year is still to be entered. */
    public record Pending(UUID yearId, int fiscalYear, UUID measureId, String number, String name, boolean reminded) {}
}
