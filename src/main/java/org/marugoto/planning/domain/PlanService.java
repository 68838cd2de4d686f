package org.marugoto.planning.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.text.JapaneseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan's structure: plans, their directions, themes and service types, the departments, the measures (searchable
 * by theme, service type, department and keyword) and the indicators with their targets. Reads are public (the plan
 * is a published document); changes are the planner's.
 */
@Service("welfarePlanService")
public class PlanService {

    /** 施策の方向性, 取組みテーマ, サービス類型. */
    public enum HeadingKind {
        DIRECTION,
        THEME,
        SERVICE_TYPE
    }

    /** Who acts in a measure: 地域 (共助), 社協, 市 (公助). */
    public enum MeasureActor {
        COMMUNITY,
        SHAKYO,
        CITY
    }

    public record Plan(
            UUID id,
            String name,
            int firstYear,
            int lastYear,
            String basicGoal,
            @Nullable UUID copiedFrom,
            int version) {}

    public record Heading(UUID id, HeadingKind kind, int number, String name) {
        public String label() {
            return number + ". " + name;
        }
    }

    public record Department(UUID id, String name) {}

    public record Measure(
            UUID id,
            UUID planId,
            String number,
            String name,
            String content,
            @Nullable UUID directionId,
            List<MeasureActor> actors,
            boolean priority,
            List<Heading> themes,
            List<Heading> serviceTypes,
            List<Department> departments,
            int version) {

        public String departmentNames() {
            return String.join("、", departments.stream().map(Department::name).toList());
        }
    }

    /** What a measure list is narrowed to; null or blank is "any". */
    public record Criteria(
            UUID planId,
            @Nullable UUID themeId,
            @Nullable UUID serviceTypeId,
            @Nullable UUID departmentId,
            @Nullable String keyword,
            boolean priorityOnly) {

        public boolean isEmpty() {
            return themeId == null
                    && serviceTypeId == null
                    && departmentId == null
                    && (keyword == null || keyword.isBlank())
                    && !priorityOnly;
        }
    }

    /** A measure as written in a plan, before it is saved (import, demo, copy). */
    public record MeasureDraft(
            String number,
            String name,
            String content,
            @Nullable Integer direction,
            List<Integer> themes,
            List<Integer> serviceTypes,
            List<String> departments,
            List<MeasureActor> actors,
            boolean priority) {}

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final AuditApi audit;

    PlanService(JdbcClient jdbc, Tenancy tenancy, Clock clock, AuditApi audit) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.audit = audit;
    }

    private UUID m() {
        return tenancy.municipalityId();
    }

    // ---------------------------------------------------------------- plans

    public List<Plan> plans() {
        return jdbc.sql("""
                        select id, name, first_year, last_year, basic_goal, copied_from, version from welfare_plan
                        where municipality_id = :m order by first_year desc, created_at desc""").param("m", m()).query(PlanService::plan).list();
    }

    public Optional<Plan> current() {
        return plans().stream().findFirst();
    }

    public Plan plan(UUID id) {
        return jdbc.sql("""
                        select id, name, first_year, last_year, basic_goal, copied_from, version from welfare_plan
                        where municipality_id = :m and id = :id""")
                .param("m", m())
                .param("id", id)
                .query(PlanService::plan)
                .optional()
                .orElseThrow(() -> new NotFoundException("plan", id));
    }

    private static Plan plan(ResultSet rs, int row) throws SQLException {
        return new Plan(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getInt("first_year"),
                rs.getInt("last_year"),
                rs.getString("basic_goal"),
                rs.getObject("copied_from", UUID.class),
                rs.getInt("version"));
    }

    @Transactional
    public UUID createPlan(String name, int firstYear, int lastYear, String basicGoal, @Nullable UUID copiedFrom) {
        if (name.isBlank()) {
            throw new RuleViolation("name", "planning.plan.nameRequired");
        }
        if (lastYear < firstYear || firstYear < 2000 || lastYear > 2100) {
            throw new RuleViolation("lastYear", "planning.plan.yearsInvalid");
        }
        UUID id = Ids.newId();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into welfare_plan (municipality_id, id, name, first_year, last_year, basic_goal,
                            copied_from, created_at, created_by, updated_at, updated_by)
                        values (:m, :id, :name, :first, :last, :goal, :copied, :now, :by, :now, :by)""")
                .param("m", m())
                .param("id", id)
                .param("name", name.strip())
                .param("first", firstYear)
                .param("last", lastYear)
                .param("goal", basicGoal.strip())
                .param("copied", copiedFrom)
                .param("now", now)
                .param("by", CurrentActor.username())
                .update();
        audit.record(AuditEntry.of(AuditAction.CREATE, "plan", id));
        return id;
    }

    public void addHeading(UUID planId, HeadingKind kind, int number, String name) {
        jdbc.sql("""
                        insert into plan_heading (municipality_id, id, plan_id, kind, number, name)
                        values (:m, :id, :plan, :kind, :number, :name)""")
                .param("m", m())
                .param("id", Ids.newId())
                .param("plan", planId)
                .param("kind", kind.name())
                .param("number", number)
                .param("name", name)
                .update();
    }

    /**
     * A new plan as a copy of {@code sourceId}: its headings, measures (with themes, service types and departments)
     * and indicators with their targets; no progress, years or values (a new plan starts its own cycle).
     */
    @Transactional
    public UUID copyPlan(UUID sourceId, String name, int firstYear, int lastYear) {
        Plan source = plan(sourceId);
        UUID copy = createPlan(name, firstYear, lastYear, source.basicGoal(), sourceId);
        for (Heading h : headings(sourceId)) {
            addHeading(copy, h.kind(), h.number(), h.name());
        }
        for (Measure measure : search(new Criteria(sourceId, null, null, null, null, false))) {
            saveMeasure(copy, draftOf(measure, headings(sourceId)));
        }
        for (IndicatorService.Indicator i :
                jdbc.sql("""
                        select id from plan_indicator where municipality_id = :m and plan_id = :p order by code""").param("m", m()).param("p", sourceId).query(UUID.class).list().stream()
                        .map(this::indicatorForCopy)
                        .toList()) {
            Map<Integer, java.math.BigDecimal> targets = new LinkedHashMap<>();
            i.targets().forEach((year, target) -> {
                if (year >= firstYear && year <= lastYear) {
                    targets.put(year, target);
                }
            });
            saveIndicator(copy, i.withTargets(targets));
        }
        audit.record(new AuditEntry(AuditAction.CREATE, "plan", copy, null, Map.of("copiedFrom", sourceId.toString())));
        return copy;
    }

    private IndicatorService.Indicator indicatorForCopy(UUID id) {
        return IndicatorService.load(jdbc, m(), id).orElseThrow();
    }

    private static MeasureDraft draftOf(Measure measure, List<Heading> headings) {
        Integer direction = headings.stream()
                .filter(h -> h.id().equals(measure.directionId()))
                .map(Heading::number)
                .findFirst()
                .orElse(null);
        return new MeasureDraft(
                measure.number(),
                measure.name(),
                measure.content(),
                direction,
                measure.themes().stream().map(Heading::number).toList(),
                measure.serviceTypes().stream().map(Heading::number).toList(),
                measure.departments().stream().map(Department::name).toList(),
                measure.actors(),
                measure.priority());
    }

    // ---------------------------------------------------------------- headings and departments

    public List<Heading> headings(UUID planId) {
        return jdbc.sql("""
                        select id, kind, number, name from plan_heading
                        where municipality_id = :m and plan_id = :p order by kind, number""")
                .param("m", m())
                .param("p", planId)
                .query((rs, n) -> new Heading(
                        rs.getObject("id", UUID.class),
                        HeadingKind.valueOf(rs.getString("kind")),
                        rs.getInt("number"),
                        rs.getString("name")))
                .list();
    }

    public List<Heading> headings(UUID planId, HeadingKind kind) {
        return headings(planId).stream().filter(h -> h.kind() == kind).toList();
    }

    public List<Department> departments() {
        return jdbc.sql("select id, name from plan_department where municipality_id = :m order by name")
                .param("m", m())
                .query((rs, n) -> new Department(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    public Optional<Department> departmentByName(String name) {
        return departments().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** The department of that name, created when missing. */
    @Transactional
    public UUID ensureDepartment(String name) {
        return departmentByName(name).map(Department::id).orElseGet(() -> {
            UUID id = Ids.newId();
            jdbc.sql("""
                            insert into plan_department (municipality_id, id, name, created_at, created_by)
                            values (:m, :id, :name, :now, :by)""")
                    .param("m", m())
                    .param("id", id)
                    .param("name", name)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("by", CurrentActor.username())
                    .update();
            return id;
        });
    }

    /** Makes a staff account a member of a department (the planner's or an administrator's decision). */
    @Transactional
    public void addMember(UUID departmentId, UUID accountId, String username) {
        jdbc.sql("""
                        insert into plan_department_member (municipality_id, department_id, account_id, username)
                        values (:m, :d, :a, :u) on conflict do nothing""")
                .param("m", m())
                .param("d", departmentId)
                .param("a", accountId)
                .param("u", username)
                .update();
        audit.record(new AuditEntry(
                AuditAction.PERMISSION_CHANGE, "plan-department", departmentId, null, Map.of("member", username)));
    }

    /** Ends a staff account's membership of a department. */
    @Transactional
    public void removeMember(UUID departmentId, UUID accountId) {
        int removed = jdbc.sql("""
                        delete from plan_department_member
                        where municipality_id = :m and department_id = :d and account_id = :a""")
                .param("m", m())
                .param("d", departmentId)
                .param("a", accountId)
                .update();
        if (removed > 0) {
            audit.record(new AuditEntry(
                    AuditAction.PERMISSION_CHANGE, "plan-department", departmentId, null, Map.of("removed", "1")));
        }
    }

    /** A department's members: account id and user name. */
    public List<Map.Entry<UUID, String>> membersOf(UUID departmentId) {
        return jdbc.sql("""
                        select account_id, username from plan_department_member
                        where municipality_id = :m and department_id = :d order by username""")
                .param("m", m())
                .param("d", departmentId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    /** Each department's member user names. */
    public Map<UUID, List<String>> members() {
        Map<UUID, List<String>> members = new LinkedHashMap<>();
        jdbc.sql("""
                        select department_id, username from plan_department_member where municipality_id = :m
                        order by username""")
                .param("m", m())
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list()
                .forEach(e -> members.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return members;
    }

    // ---------------------------------------------------------------- measures

    /** The measures matching the criteria, in the order of their numbers. */
    public List<Measure> search(Criteria criteria) {
        StringBuilder sql = new StringBuilder("""
                select id, plan_id, number, name, content, direction_id, actors, priority, version from plan_measure pm
                where pm.municipality_id = :m and pm.plan_id = :p""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("m", m());
        params.put("p", criteria.planId());
        if (criteria.themeId() != null) {
            sql.append(" and exists (select 1 from plan_measure_heading h where h.municipality_id = pm.municipality_id"
                    + " and h.measure_id = pm.id and h.heading_id = :theme)");
            params.put("theme", criteria.themeId());
        }
        if (criteria.serviceTypeId() != null) {
            sql.append(" and exists (select 1 from plan_measure_heading h where h.municipality_id = pm.municipality_id"
                    + " and h.measure_id = pm.id and h.heading_id = :type)");
            params.put("type", criteria.serviceTypeId());
        }
        if (criteria.departmentId() != null) {
            sql.append(" and exists (select 1 from plan_measure_department d where d.municipality_id ="
                    + " pm.municipality_id and d.measure_id = pm.id and d.department_id = :dept)");
            params.put("dept", criteria.departmentId());
        }
        String keyword = criteria.keyword() == null ? "" : searchKey(criteria.keyword());
        if (!keyword.isBlank()) {
            int i = 0;
            for (String word : keyword.split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                sql.append(" and pm.search_key like :w").append(i);
                params.put(
                        "w" + i,
                        "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                i++;
            }
        }
        if (criteria.priorityOnly()) {
            sql.append(" and pm.priority");
        }
        sql.append(" order by length(pm.number), pm.number");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        List<Row> rows = statement.query(PlanService::row).list();
        return complete(criteria.planId(), rows);
    }

    public Measure measure(UUID id) {
        Row row = jdbc.sql("""
                        select id, plan_id, number, name, content, direction_id, actors, priority, version
                        from plan_measure where municipality_id = :m and id = :id""")
                .param("m", m())
                .param("id", id)
                .query(PlanService::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("plan-measure", id));
        return complete(row.planId(), List.of(row)).get(0);
    }

    public Optional<Measure> measureByNumber(UUID planId, String number) {
        return jdbc.sql("""
                        select id from plan_measure where municipality_id = :m and plan_id = :p and number = :n""")
                .param("m", m())
                .param("p", planId)
                .param("n", number)
                .query(UUID.class)
                .optional()
                .map(this::measure);
    }

    public long measureCount(UUID planId) {
        return jdbc.sql("select count(*) from plan_measure where municipality_id = :m and plan_id = :p")
                .param("m", m())
                .param("p", planId)
                .query(Long.class)
                .single();
    }

    private record Row(
            UUID id,
            UUID planId,
            String number,
            String name,
            String content,
            @Nullable UUID directionId,
            List<MeasureActor> actors,
            boolean priority,
            int version) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        Array actors = rs.getArray("actors");
        List<MeasureActor> list = actors == null
                ? List.of()
                : Arrays.stream((Object[]) actors.getArray())
                        .map(a -> MeasureActor.valueOf(a.toString()))
                        .toList();
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("plan_id", UUID.class),
                rs.getString("number"),
                rs.getString("name"),
                rs.getString("content"),
                rs.getObject("direction_id", UUID.class),
                list,
                rs.getBoolean("priority"),
                rs.getInt("version"));
    }

    /** Adds the headings and departments of the rows, in two queries. */
    private List<Measure> complete(UUID planId, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Heading> headings = new LinkedHashMap<>();
        headings(planId).forEach(h -> headings.put(h.id(), h));
        Map<UUID, Department> departments = new LinkedHashMap<>();
        departments().forEach(d -> departments.put(d.id(), d));
        Map<UUID, List<Heading>> byMeasure = linked("""
                        select mh.measure_id, mh.heading_id from plan_measure_heading mh
                        join plan_measure pm on pm.municipality_id = mh.municipality_id and pm.id = mh.measure_id
                        where mh.municipality_id = :m and pm.plan_id = :p""", planId, headings);
        Map<UUID, List<Department>> deptByMeasure = linked("""
                        select md.measure_id, md.department_id from plan_measure_department md
                        join plan_measure pm on pm.municipality_id = md.municipality_id and pm.id = md.measure_id
                        where md.municipality_id = :m and pm.plan_id = :p""", planId, departments);
        List<Measure> measures = new ArrayList<>();
        for (Row r : rows) {
            List<Heading> hs = byMeasure.getOrDefault(r.id(), List.of());
            measures.add(new Measure(
                    r.id(),
                    r.planId(),
                    r.number(),
                    r.name(),
                    r.content(),
                    r.directionId(),
                    r.actors(),
                    r.priority(),
                    hs.stream()
                            .filter(h -> h.kind() == HeadingKind.THEME)
                            .sorted(java.util.Comparator.comparingInt(Heading::number))
                            .toList(),
                    hs.stream()
                            .filter(h -> h.kind() == HeadingKind.SERVICE_TYPE)
                            .sorted(java.util.Comparator.comparingInt(Heading::number))
                            .toList(),
                    deptByMeasure.getOrDefault(r.id(), List.of()).stream()
                            .sorted(java.util.Comparator.comparing(Department::name))
                            .toList(),
                    r.version()));
        }
        return measures;
    }

    /** The rows a link table joins to the plan's measures (measure id, linked id), by measure. */
    private <T> Map<UUID, List<T>> linked(String sql, UUID planId, Map<UUID, T> byId) {
        Map<UUID, List<T>> byMeasure = new LinkedHashMap<>();
        jdbc.sql(sql)
                .param("m", m())
                .param("p", planId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list()
                .forEach(e -> {
                    T linked = byId.get(e.getValue());
                    if (linked != null) {
                        byMeasure
                                .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                                .add(linked);
                    }
                });
        return byMeasure;
    }

    /** What the keyword search compares: normalised (width, kana) and lower case. */
    static String searchKey(String text) {
        return JapaneseText.normalize(text).toLowerCase(Locale.ROOT);
    }

    /**
     * Saves a measure by its number: creates it, or changes it when it differs; the same draft twice changes nothing
     * (imports rely on it). Departments are created by name when missing. Returns whether anything changed.
     */
    @Transactional
    public boolean saveMeasure(UUID planId, MeasureDraft draft) {
        List<Heading> headings = headings(planId);
        UUID direction = draft.direction() == null ? null : number(headings, HeadingKind.DIRECTION, draft.direction());
        Set<UUID> wanted = new java.util.LinkedHashSet<>();
        draft.themes().forEach(t -> wanted.add(number(headings, HeadingKind.THEME, t)));
        draft.serviceTypes().forEach(t -> wanted.add(number(headings, HeadingKind.SERVICE_TYPE, t)));
        Set<UUID> departments = new java.util.LinkedHashSet<>();
        draft.departments().forEach(d -> departments.add(ensureDepartment(d.strip())));
        Optional<Measure> existing = measureByNumber(planId, draft.number());
        String[] actors = draft.actors().stream().map(Enum::name).sorted().toArray(String[]::new);
        String key = searchKey(draft.number() + " " + draft.name() + " " + draft.content() + " "
                + String.join(" ", draft.departments()));
        Timestamp now = Timestamp.from(clock.instant());
        UUID id;
        if (existing.isPresent()) {
            Measure e = existing.get();
            Set<UUID> had = new java.util.LinkedHashSet<>();
            e.themes().forEach(h -> had.add(h.id()));
            e.serviceTypes().forEach(h -> had.add(h.id()));
            Set<UUID> hadDepartments = new java.util.LinkedHashSet<>();
            e.departments().forEach(d -> hadDepartments.add(d.id()));
            boolean same = e.name().equals(draft.name())
                    && e.content().equals(draft.content())
                    && java.util.Objects.equals(e.directionId(), direction)
                    && e.priority() == draft.priority()
                    && e.actors().stream().map(Enum::name).sorted().toList().equals(Arrays.asList(actors))
                    && had.equals(wanted)
                    && hadDepartments.equals(departments);
            if (same) {
                return false;
            }
            id = e.id();
            jdbc.sql("""
                            update plan_measure set name = :name, content = :content, direction_id = :direction,
                                actors = :actors, priority = :priority, search_key = :key, updated_at = :now,
                                updated_by = :by, version = version + 1
                            where municipality_id = :m and id = :id""")
                    .param("name", draft.name())
                    .param("content", draft.content())
                    .param("direction", direction)
                    .param("actors", actors)
                    .param("priority", draft.priority())
                    .param("key", key)
                    .param("now", now)
                    .param("by", CurrentActor.username())
                    .param("m", m())
                    .param("id", id)
                    .update();
            jdbc.sql("delete from plan_measure_heading where municipality_id = :m and measure_id = :id")
                    .param("m", m())
                    .param("id", id)
                    .update();
            jdbc.sql("delete from plan_measure_department where municipality_id = :m and measure_id = :id")
                    .param("m", m())
                    .param("id", id)
                    .update();
        } else {
            id = Ids.newId();
            jdbc.sql("""
                            insert into plan_measure (municipality_id, id, plan_id, number, name, content, direction_id,
                                actors, priority, search_key, created_at, created_by, updated_at, updated_by)
                            values (:m, :id, :plan, :number, :name, :content, :direction, :actors, :priority, :key,
                                :now, :by, :now, :by)""")
                    .param("m", m())
                    .param("id", id)
                    .param("plan", planId)
                    .param("number", draft.number())
                    .param("name", draft.name())
                    .param("content", draft.content())
                    .param("direction", direction)
                    .param("actors", actors)
                    .param("priority", draft.priority())
                    .param("key", key)
                    .param("now", now)
                    .param("by", CurrentActor.username())
                    .update();
        }
        for (UUID heading : wanted) {
            jdbc.sql("""
                            insert into plan_measure_heading (municipality_id, measure_id, heading_id)
                            values (:m, :id, :h)""").param("m", m()).param("id", id).param("h", heading).update();
        }
        for (UUID department : departments) {
            jdbc.sql("""
                            insert into plan_measure_department (municipality_id, measure_id, department_id)
                            values (:m, :id, :d)""").param("m", m()).param("id", id).param("d", department).update();
        }
        return true;
    }

    private static UUID number(List<Heading> headings, HeadingKind kind, int number) {
        return headings.stream()
                .filter(h -> h.kind() == kind && h.number() == number)
                .map(Heading::id)
                .findFirst()
                .orElseThrow(() -> new RuleViolation(null, "planning.import.noHeading", kind.name(), number));
    }

    // ---------------------------------------------------------------- indicators

    /**
     * Saves an indicator by its code, with its targets: creates it or changes what differs; returns whether anything
     * changed.
     */
    @Transactional
    public boolean saveIndicator(UUID planId, IndicatorService.Indicator draft) {
        UUID department =
                draft.departmentName() == null || draft.departmentName().isBlank()
                        ? null
                        : ensureDepartment(draft.departmentName().strip());
        Optional<UUID> existingId = jdbc.sql("""
                        select id from plan_indicator where municipality_id = :m and plan_id = :p and code = :c""")
                .param("m", m())
                .param("p", planId)
                .param("c", draft.code())
                .query(UUID.class)
                .optional();
        Timestamp now = Timestamp.from(clock.instant());
        String computation =
                draft.computation() == null ? null : draft.computation().name();
        if (existingId.isPresent()) {
            IndicatorService.Indicator e =
                    IndicatorService.load(jdbc, m(), existingId.get()).orElseThrow();
            boolean same = e.name().equals(draft.name())
                    && e.definition().equals(draft.definition())
                    && e.unit().equals(draft.unit())
                    && e.baselineYear() == draft.baselineYear()
                    && e.baselineValue().compareTo(draft.baselineValue()) == 0
                    && e.source() == draft.source()
                    && e.computation() == draft.computation()
                    && java.util.Objects.equals(e.departmentName(), draft.departmentName())
                    && sameTargets(e.targets(), draft.targets());
            if (same) {
                return false;
            }
            jdbc.sql("""
                            update plan_indicator set name = :name, definition = :def, unit = :unit,
                                baseline_year = :by_, baseline_value = :bv, source = :source, computation = :comp,
                                department_id = :dept, updated_at = :now, updated_by = :by, version = version + 1
                            where municipality_id = :m and id = :id""")
                    .param("name", draft.name())
                    .param("def", draft.definition())
                    .param("unit", draft.unit())
                    .param("by_", draft.baselineYear())
                    .param("bv", draft.baselineValue())
                    .param("source", draft.source().name())
                    .param("comp", computation)
                    .param("dept", department)
                    .param("now", now)
                    .param("by", CurrentActor.username())
                    .param("m", m())
                    .param("id", existingId.get())
                    .update();
            jdbc.sql("delete from plan_indicator_target where municipality_id = :m and indicator_id = :id")
                    .param("m", m())
                    .param("id", existingId.get())
                    .update();
        } else {
            jdbc.sql("""
                            insert into plan_indicator (municipality_id, id, plan_id, code, name, definition, unit,
                                baseline_year, baseline_value, source, computation, department_id, created_at,
                                created_by, updated_at, updated_by)
                            values (:m, :id, :plan, :code, :name, :def, :unit, :by_, :bv, :source, :comp, :dept,
                                :now, :by, :now, :by)""")
                    .param("m", m())
                    .param("id", Ids.newId())
                    .param("plan", planId)
                    .param("code", draft.code())
                    .param("name", draft.name())
                    .param("def", draft.definition())
                    .param("unit", draft.unit())
                    .param("by_", draft.baselineYear())
                    .param("bv", draft.baselineValue())
                    .param("source", draft.source().name())
                    .param("comp", computation)
                    .param("dept", department)
                    .param("now", now)
                    .param("by", CurrentActor.username())
                    .update();
        }
        UUID id = jdbc.sql("select id from plan_indicator where municipality_id = :m and plan_id = :p and code = :c")
                .param("m", m())
                .param("p", planId)
                .param("c", draft.code())
                .query(UUID.class)
                .single();
        for (Map.Entry<Integer, java.math.BigDecimal> t : draft.targets().entrySet()) {
            jdbc.sql("""
                            insert into plan_indicator_target (municipality_id, indicator_id, fiscal_year, target)
                            values (:m, :id, :y, :t)""")
                    .param("m", m())
                    .param("id", id)
                    .param("y", t.getKey())
                    .param("t", t.getValue())
                    .update();
        }
        return true;
    }

    private static boolean sameTargets(Map<Integer, java.math.BigDecimal> a, Map<Integer, java.math.BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<Integer, java.math.BigDecimal> e : a.entrySet()) {
            if (e.getValue().compareTo(b.get(e.getKey())) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The measures of the given departments (the departments' own list). */
    public List<Measure> measuresOf(UUID planId, Collection<UUID> departmentIds) {
        List<Measure> all = new ArrayList<>();
        for (UUID d : departmentIds) {
            for (Measure measure : search(new Criteria(planId, null, null, d, null, false))) {
                if (all.stream().noneMatch(x -> x.id().equals(measure.id()))) {
                    all.add(measure);
                }
            }
        }
        all.sort(java.util.Comparator.comparingInt((Measure x) -> x.number().length())
                .thenComparing(Measure::number));
        return all;
    }
}
