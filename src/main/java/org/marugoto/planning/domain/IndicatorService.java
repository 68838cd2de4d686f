package org.marugoto.planning.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.area.PopulationApi;
import org.marugoto.area.PopulationView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.casework.CaseStatistics;
import org.marugoto.community.CommunityStatistics;
import org.marugoto.consultation.ConsultationStatistics;
import org.marugoto.outreach.OutreachStatistics;
import org.marugoto.outreach.StageKind;
import org.marugoto.participation.ParticipationStatistics;
import org.marugoto.referral.ReferralStatistics;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Japan;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicators (指標) and their yearly figures against their targets. An entered indicator's figure is typed by its
 * department; a computed one is counted from the records through the other modules' count-only statistics APIs for
 * the fiscal year (April to March, the city as a whole) and never typed: while its year is open it is counted afresh,
 * and the figure is frozen when the year is closed.
 */
@Service
public class IndicatorService {

    public enum Source {
        ENTERED,
        COMPUTED
    }

    /** The named computations from Marugoto's records; each says which statistics API counts it. */
    public enum Computation {
        /** consultations received (ConsultationStatistics) */
        CONSULTATIONS_RECEIVED,
        /** households consulted about with two or more different issues (ConsultationStatistics) */
        HOUSEHOLDS_WITH_SEVERAL_ISSUES,
        /** referrals completed, the loop closed (ReferralStatistics) */
        REFERRALS_COMPLETED,
        /** outreach records now at a stage that connected the person, 会えた・つながった (OutreachStatistics) */
        OUTREACH_CONNECTED,
        /** participation matches that reached 定着 (ParticipationStatistics) */
        PARTICIPATION_SETTLED,
        /** 重層的支援会議 held (CaseStatistics) */
        JUSHO_MEETINGS_HELD,
        /** cases of 多機関協働 opened (CaseStatistics) */
        CASES_OPENED,
        /**
         * places and activities published and open, per 1,000 residents of the population table on or before the year's
         * end (CommunityStatistics, PopulationApi); no figure without a population table
         */
        PLACES_PER_THOUSAND,
        /** the city's ageing rate (65 and over, %) of the population table on or before the year's end (PopulationApi) */
        AGEING_RATE
    }

    public record Indicator(
            @Nullable UUID id,
            String code,
            String name,
            String definition,
            String unit,
            int baselineYear,
            BigDecimal baselineValue,
            Source source,
            @Nullable Computation computation,
            @Nullable UUID departmentId,
            @Nullable String departmentName,
            Map<Integer, BigDecimal> targets) {

        public Indicator {
            targets = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(targets));
        }

        public Indicator withTargets(Map<Integer, BigDecimal> newTargets) {
            return new Indicator(
                    id,
                    code,
                    name,
                    definition,
                    unit,
                    baselineYear,
                    baselineValue,
                    source,
                    computation,
                    departmentId,
                    departmentName,
                    newTargets);
        }

        public boolean computed() {
            return source == Source.COMPUTED;
        }
    }

    /** How a year's figure came about. */
    public enum FigureKind {
        ENTERED,
        COUNTED,
        FROZEN,
        NONE
    }

    /** One year of an indicator: its target, its figure (null when none yet) and how the figure came about. */
    public record YearFigure(
            int fiscalYear,
            @Nullable BigDecimal target,
            @Nullable BigDecimal value,
            FigureKind kind) {

        /** Whether the figure reached the target (null when either is missing). */
        public @Nullable Boolean reached() {
            return target == null || value == null ? null : value.compareTo(target) >= 0;
        }
    }

    public record Series(Indicator indicator, List<YearFigure> years) {}

    /**
     * An area's figures for the plan's area pages, from the population table on or before today (null when there is
     * none) and the places and activities published and open in the area and the areas under it.
     */
    public record AreaFigures(
            UUID areaId,
            @Nullable PopulationView population,
            long places,
            @Nullable BigDecimal placesPerThousand) {}

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final AuditApi audit;
    private final ConsultationStatistics consultations;
    private final ReferralStatistics referrals;
    private final OutreachStatistics outreach;
    private final ParticipationStatistics participation;
    private final CaseStatistics cases;
    private final PopulationApi population;
    private final CommunityStatistics community;
    private final AreaApi areas;

    IndicatorService(
            JdbcClient jdbc,
            Tenancy tenancy,
            Clock clock,
            AuditApi audit,
            ConsultationStatistics consultations,
            ReferralStatistics referrals,
            OutreachStatistics outreach,
            ParticipationStatistics participation,
            CaseStatistics cases,
            PopulationApi population,
            CommunityStatistics community,
            AreaApi areas) {
        this.population = population;
        this.community = community;
        this.areas = areas;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.audit = audit;
        this.consultations = consultations;
        this.referrals = referrals;
        this.outreach = outreach;
        this.participation = participation;
        this.cases = cases;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Japan.ZONE));
    }

    /** The fiscal year (年度) a day belongs to: April to March. */
    public static int fiscalYearOf(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    static Optional<Indicator> load(JdbcClient jdbc, UUID municipality, UUID id) {
        Map<Integer, BigDecimal> targets = new LinkedHashMap<>();
        jdbc.sql("""
                        select fiscal_year, target from plan_indicator_target
                        where municipality_id = :m and indicator_id = :id order by fiscal_year""")
                .param("m", municipality)
                .param("id", id)
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getBigDecimal(2)))
                .list()
                .forEach(e -> targets.put(e.getKey(), e.getValue()));
        return jdbc.sql("""
                        select i.id, i.code, i.name, i.definition, i.unit, i.baseline_year, i.baseline_value, i.source,
                            i.computation, i.department_id, d.name as department_name
                        from plan_indicator i
                        left join plan_department d on d.municipality_id = i.municipality_id and d.id = i.department_id
                        where i.municipality_id = :m and i.id = :id""")
                .param("m", municipality)
                .param("id", id)
                .query((rs, n) -> new Indicator(
                        rs.getObject("id", UUID.class),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("definition"),
                        rs.getString("unit"),
                        rs.getInt("baseline_year"),
                        rs.getBigDecimal("baseline_value"),
                        Source.valueOf(rs.getString("source")),
                        rs.getString("computation") == null ? null : Computation.valueOf(rs.getString("computation")),
                        rs.getObject("department_id", UUID.class),
                        rs.getString("department_name"),
                        targets))
                .optional();
    }

    public List<Indicator> indicators(UUID planId) {
        return jdbc.sql("""
                        select id from plan_indicator where municipality_id = :m and plan_id = :p
                        order by length(code), code""").param("m", tenancy.municipalityId()).param("p", planId).query(UUID.class).list().stream()
                .map(id -> load(jdbc, tenancy.municipalityId(), id).orElseThrow())
                .toList();
    }

    public Indicator indicator(UUID id) {
        return load(jdbc, tenancy.municipalityId(), id).orElseThrow(() -> new NotFoundException("plan-indicator", id));
    }

    public UUID planOf(UUID indicatorId) {
        return jdbc.sql("select plan_id from plan_indicator where municipality_id = :m and id = :id")
                .param("m", tenancy.municipalityId())
                .param("id", indicatorId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("plan-indicator", indicatorId));
    }

    /** Every year of the plan's period for each indicator of the plan. */
    public List<Series> series(PlanService.Plan plan) {
        Map<UUID, Map<Integer, BigDecimal>> stored = new LinkedHashMap<>();
        jdbc.sql("""
                        select v.indicator_id, v.fiscal_year, v.value from plan_indicator_value v
                        join plan_indicator i on i.municipality_id = v.municipality_id and i.id = v.indicator_id
                        where v.municipality_id = :m and i.plan_id = :p""")
                .param("m", tenancy.municipalityId())
                .param("p", plan.id())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getInt(2), rs.getBigDecimal(3)})
                .list()
                .forEach(r -> stored.computeIfAbsent((UUID) r[0], k -> new LinkedHashMap<>())
                        .put((Integer) r[1], (BigDecimal) r[2]));
        int thisYear = fiscalYearOf(today());
        List<Series> all = new ArrayList<>();
        for (Indicator indicator : indicators(plan.id())) {
            Map<Integer, BigDecimal> values = stored.getOrDefault(indicator.id(), Map.of());
            List<YearFigure> years = new ArrayList<>();
            for (int year = plan.firstYear(); year <= plan.lastYear(); year++) {
                BigDecimal target = indicator.targets().get(year);
                BigDecimal value = values.get(year);
                FigureKind kind = FigureKind.NONE;
                if (value != null) {
                    kind = indicator.computed() ? FigureKind.FROZEN : FigureKind.ENTERED;
                } else if (indicator.computed() && year <= thisYear && indicator.computation() != null) {
                    value = compute(indicator.computation(), year);
                    kind = value == null ? FigureKind.NONE : FigureKind.COUNTED;
                }
                years.add(new YearFigure(year, target, value, kind));
            }
            all.add(new Series(indicator, years));
        }
        return all;
    }

    /** The area's population, ageing rate, single-elderly households and places per 1,000 residents (computed). */
    public AreaFigures areaFigures(UUID areaId) {
        List<AreaView> tree = areas.tree();
        Set<UUID> inside = new HashSet<>();
        inside.add(areaId);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AreaView a : tree) {
                if (a.parentId() != null && inside.contains(a.parentId()) && inside.add(a.id())) {
                    grew = true;
                }
            }
        }
        PopulationView residents = population.population(areaId, today()).orElse(null);
        long places = community.openActivitiesIn(inside);
        BigDecimal perThousand = residents == null || residents.persons() == 0
                ? null
                : BigDecimal.valueOf(places * 1000.0 / residents.persons()).setScale(2, RoundingMode.HALF_UP);
        return new AreaFigures(areaId, residents, places, perThousand);
    }

    /**
     * Counts a computation for a fiscal year (up to today when the year is not over); null when there is nothing to
     * count from (a rate without a population table).
     */
    public @Nullable BigDecimal compute(Computation computation, int fiscalYear) {
        LocalDate from = LocalDate.of(fiscalYear, 4, 1);
        LocalDate to = LocalDate.of(fiscalYear + 1, 3, 31);
        if (to.isAfter(today())) {
            to = today();
        }
        if (to.isBefore(from)) {
            return BigDecimal.ZERO;
        }
        if (computation == Computation.PLACES_PER_THOUSAND || computation == Computation.AGEING_RATE) {
            Optional<PopulationView> residents = population.city(to);
            if (residents.isEmpty() || residents.get().persons() == 0) {
                return null;
            }
            if (computation == Computation.AGEING_RATE) {
                Double rate = residents.get().ageingRate();
                return rate == null ? null : BigDecimal.valueOf(rate);
            }
            Set<UUID> all = new HashSet<>();
            areas.tree().forEach(a -> all.add(a.id()));
            long places = community.openActivitiesIn(all);
            return BigDecimal.valueOf(places * 1000.0 / residents.get().persons())
                    .setScale(2, RoundingMode.HALF_UP);
        }
        CountScope city = CountScope.city();
        long count =
                switch (computation) {
                    case CONSULTATIONS_RECEIVED ->
                        consultations
                                .consultationsBy(ConsultationStatistics.By.CHANNEL, city, from, to)
                                .values()
                                .stream()
                                .mapToLong(Long::longValue)
                                .sum();
                    case HOUSEHOLDS_WITH_SEVERAL_ISSUES ->
                        consultations.householdsWithIssues(city, from, to).withSeveralIssues();
                    case REFERRALS_COMPLETED ->
                        referrals.flows(city, from, to).stream()
                                .mapToLong(ReferralStatistics.Flow::completed)
                                .sum();
                    case OUTREACH_CONNECTED ->
                        outreach.recordsByStage(city, from, to).stream()
                                .filter(s -> s.stage().kind() == StageKind.CONNECTED)
                                .mapToLong(OutreachStatistics.StageCount::records)
                                .sum();
                    case PARTICIPATION_SETTLED ->
                        participation.matchesByStep(city, from, to).getOrDefault("SETTLED", 0L);
                    case JUSHO_MEETINGS_HELD -> {
                        CaseStatistics.Meetings held =
                                cases.meetingsByKind(city, from, to).get("JUSHO");
                        yield held == null ? 0 : held.held();
                    }
                    case CASES_OPENED -> cases.caseFlow(city, from, to).opened();
                    case PLACES_PER_THOUSAND, AGEING_RATE -> 0; // above
                };
        return BigDecimal.valueOf(count);
    }

    /**
     * Enters a year's figure of an entered indicator (its department or the planner); refused for a computed one and
     * for a year that is closed.
     */
    @Transactional
    public void enter(UUID indicatorId, int fiscalYear, BigDecimal value, boolean yearClosed) {
        Indicator indicator = indicator(indicatorId);
        if (indicator.computed()) {
            throw new RuleViolation("value", "planning.indicator.computedNotEntered");
        }
        if (yearClosed) {
            throw new RuleViolation("value", "planning.year.closedRefused");
        }
        if (value.signum() < 0 || value.compareTo(new BigDecimal("999999999999")) > 0) {
            throw new RuleViolation("value", "planning.indicator.valueInvalid");
        }
        jdbc.sql("""
                        insert into plan_indicator_value (municipality_id, indicator_id, fiscal_year, value,
                            recorded_at, recorded_by)
                        values (:m, :id, :y, :v, :now, :by)
                        on conflict (municipality_id, indicator_id, fiscal_year)
                        do update set value = excluded.value, recorded_at = excluded.recorded_at,
                            recorded_by = excluded.recorded_by""")
                .param("m", tenancy.municipalityId())
                .param("id", indicatorId)
                .param("y", fiscalYear)
                .param("v", value.setScale(2, RoundingMode.HALF_UP))
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentActor.username())
                .update();
        audit.record(new AuditEntry(
                AuditAction.UPDATE, "plan-indicator", indicatorId, null, Map.of("fiscalYear", "" + fiscalYear)));
    }

    /** Freezes the computed indicators' figures of a year being closed. */
    void freeze(UUID planId, int fiscalYear) {
        for (Indicator indicator : indicators(planId)) {
            BigDecimal figure = indicator.computed() && indicator.computation() != null
                    ? compute(indicator.computation(), fiscalYear)
                    : null;
            if (figure != null) {
                jdbc.sql("""
                                insert into plan_indicator_value (municipality_id, indicator_id, fiscal_year, value,
                                    recorded_at, recorded_by)
                                values (:m, :id, :y, :v, :now, :by)
                                on conflict (municipality_id, indicator_id, fiscal_year) do nothing""")
                        .param("m", tenancy.municipalityId())
                        .param("id", indicator.id())
                        .param("y", fiscalYear)
                        .param("v", figure)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("by", CurrentActor.username())
                        .update();
            }
        }
    }
}
