package org.marugoto.planning.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.planning.domain.IndicatorService.Indicator;
import org.marugoto.planning.domain.PlanService.Heading;
import org.marugoto.planning.domain.PlanService.HeadingKind;
import org.marugoto.planning.domain.PlanService.Measure;
import org.marugoto.planning.domain.PlanService.MeasureDraft;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing one measure or one indicator on a form (the planner only), beside the import: the edit carries the version it
 * was opened with and a stale one is refused; the fields that changed are audited (names only, as elsewhere). A
 * measure keeps its number and an indicator its code and source: a computed indicator stays computed.
 */
@Service
public class PlanEditing {

    /** An indicator's editable part. */
    public record IndicatorEdit(
            String name,
            String definition,
            String unit,
            int baselineYear,
            BigDecimal baselineValue,
            Map<Integer, BigDecimal> targets) {}

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final PlanService plans;
    private final IndicatorService indicators;
    private final PlanAccess access;
    private final AuditApi audit;

    PlanEditing(
            JdbcClient jdbc,
            Tenancy tenancy,
            PlanService plans,
            IndicatorService indicators,
            PlanAccess access,
            AuditApi audit) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.plans = plans;
        this.indicators = indicators;
        this.access = access;
        this.audit = audit;
    }

    /** Saves a measure's form; returns whether anything changed. */
    @Transactional
    public boolean editMeasure(UUID measureId, int seenVersion, MeasureDraft draft) {
        access.requirePlanner();
        int current = lock("plan_measure", measureId);
        if (current != seenVersion) {
            throw new OptimisticLockingFailureException("plan measure " + measureId);
        }
        Measure before = plans.measure(measureId);
        List<Heading> headings = plans.headings(before.planId());
        check(headings, HeadingKind.DIRECTION, draft.direction() == null ? List.of() : List.of(draft.direction()));
        check(headings, HeadingKind.THEME, draft.themes());
        check(headings, HeadingKind.SERVICE_TYPE, draft.serviceTypes());
        MeasureDraft kept = new MeasureDraft(
                before.number(),
                draft.name(),
                draft.content(),
                draft.direction(),
                draft.themes(),
                draft.serviceTypes(),
                draft.departments(),
                draft.actors(),
                draft.priority());
        boolean changed = plans.saveMeasure(before.planId(), kept);
        if (changed) {
            Measure after = plans.measure(measureId);
            List<String> fields = new ArrayList<>();
            if (!before.name().equals(after.name())) {
                fields.add("name");
            }
            if (!before.content().equals(after.content())) {
                fields.add("content");
            }
            if (!Objects.equals(before.directionId(), after.directionId())) {
                fields.add("direction");
            }
            if (!before.themes().equals(after.themes())) {
                fields.add("themes");
            }
            if (!before.serviceTypes().equals(after.serviceTypes())) {
                fields.add("serviceTypes");
            }
            if (!before.departments().equals(after.departments())) {
                fields.add("departments");
            }
            if (!before.actors().equals(after.actors())) {
                fields.add("actors");
            }
            if (before.priority() != after.priority()) {
                fields.add("priority");
            }
            audit.record(new AuditEntry(
                    AuditAction.UPDATE, "plan-measure", measureId, null, Map.of("fields", String.join(",", fields))));
        }
        return changed;
    }

    /** The indicator's version, for its form. */
    public int indicatorVersion(UUID indicatorId) {
        access.requirePlanner();
        return jdbc.sql("select version from plan_indicator where municipality_id = :m and id = :id")
                .param("m", tenancy.municipalityId())
                .param("id", indicatorId)
                .query(Integer.class)
                .single();
    }

    /** Saves an indicator's form; returns whether anything changed. */
    @Transactional
    public boolean editIndicator(UUID indicatorId, int seenVersion, IndicatorEdit edit) {
        access.requirePlanner();
        int current = lock("plan_indicator", indicatorId);
        if (current != seenVersion) {
            throw new OptimisticLockingFailureException("plan indicator " + indicatorId);
        }
        Indicator before = indicators.indicator(indicatorId);
        UUID planId = jdbc.sql("select plan_id from plan_indicator where municipality_id = :m and id = :id")
                .param("m", tenancy.municipalityId())
                .param("id", indicatorId)
                .query(UUID.class)
                .single();
        PlanService.Plan plan = plans.plan(planId);
        for (Integer year : edit.targets().keySet()) {
            if (year < plan.firstYear() || year > plan.lastYear()) {
                throw new RuleViolation("targets", "planning.edit.targetOutsidePeriod", year);
            }
        }
        Indicator after = new Indicator(
                before.id(),
                before.code(),
                edit.name(),
                edit.definition(),
                edit.unit(),
                edit.baselineYear(),
                edit.baselineValue(),
                before.source(),
                before.computation(),
                before.departmentId(),
                before.departmentName(),
                edit.targets());
        boolean changed = plans.saveIndicator(planId, after);
        if (changed) {
            List<String> fields = new ArrayList<>();
            if (!before.name().equals(after.name())) {
                fields.add("name");
            }
            if (!before.definition().equals(after.definition())) {
                fields.add("definition");
            }
            if (!before.unit().equals(after.unit())) {
                fields.add("unit");
            }
            if (before.baselineYear() != after.baselineYear()
                    || before.baselineValue().compareTo(after.baselineValue()) != 0) {
                fields.add("baseline");
            }
            if (!before.targets().equals(after.targets())) {
                fields.add("targets");
            }
            audit.record(new AuditEntry(
                    AuditAction.UPDATE,
                    "plan-indicator",
                    indicatorId,
                    null,
                    Map.of("fields", String.join(",", fields))));
        }
        return changed;
    }

    private int lock(String table, UUID id) {
        // the table name is one of two constants of this class, never input
        String sql = "plan_measure".equals(table)
                ? "select version from plan_measure where municipality_id = :m and id = :id for update"
                : "select version from plan_indicator where municipality_id = :m and id = :id for update";
        return jdbc.sql(sql)
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new org.marugoto.shared.NotFoundException(table, id));
    }

    private static void check(List<Heading> headings, HeadingKind kind, List<Integer> numbers) {
        for (Integer n : numbers) {
            if (headings.stream().noneMatch(h -> h.kind() == kind && h.number() == n)) {
                throw new RuleViolation(
                        switch (kind) {
                            case DIRECTION -> "direction";
                            case THEME -> "themes";
                            case SERVICE_TYPE -> "serviceTypes";
                        },
                        "planning.edit.unknownHeading",
                        n);
            }
        }
    }
}
