package org.marugoto.planning.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
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
 * Ward and district plans (区計画・地区計画): for an area, the residents' bodies set priority items (重点取組項目) per
 * district, with their actions; their progress is reported (by the planner, who collects it from the ward's
 * committee) and shown on the public pages.
 */
@Service
public class AreaPlanService {

    public enum ItemStatus {
        PLANNED,
        UNDER_WAY,
        DONE
    }

    public record Item(
            UUID id,
            UUID areaPlanId,
            UUID districtId,
            String districtName,
            String title,
            String actions,
            String progress,
            ItemStatus status,
            int version) {}

    public record AreaPlan(
            UUID id, UUID planId, UUID areaId, String areaName, String name, String body, List<Item> items) {}

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final AuditApi audit;
    private final AreaApi areas;
    private final PlanAccess access;

    AreaPlanService(JdbcClient jdbc, Tenancy tenancy, Clock clock, AuditApi audit, AreaApi areas, PlanAccess access) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.audit = audit;
        this.areas = areas;
        this.access = access;
    }

    private Map<UUID, String> areaNames() {
        Map<UUID, String> names = new LinkedHashMap<>();
        areas.tree().forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    /** The area plans of a plan, each with its items; {@code areaId} narrows to plans of that area or its districts. */
    public List<AreaPlan> areaPlans(UUID planId, @Nullable UUID areaId) {
        Map<UUID, String> names = areaNames();
        Map<UUID, List<Item>> items = new LinkedHashMap<>();
        jdbc.sql("""
                        select i.id, i.area_plan_id, i.district_id, i.title, i.actions, i.progress, i.status, i.version
                        from plan_area_item i
                        join plan_area_plan ap on ap.municipality_id = i.municipality_id and ap.id = i.area_plan_id
                        where i.municipality_id = :m and ap.plan_id = :p order by i.title""")
                .param("m", tenancy.municipalityId())
                .param("p", planId)
                .query((rs, n) -> new Item(
                        rs.getObject("id", UUID.class),
                        rs.getObject("area_plan_id", UUID.class),
                        rs.getObject("district_id", UUID.class),
                        names.getOrDefault(rs.getObject("district_id", UUID.class), ""),
                        rs.getString("title"),
                        rs.getString("actions"),
                        rs.getString("progress"),
                        ItemStatus.valueOf(rs.getString("status")),
                        rs.getInt("version")))
                .list()
                .forEach(i -> items.computeIfAbsent(i.areaPlanId(), k -> new ArrayList<>())
                        .add(i));
        List<AreaPlan> all = jdbc.sql("""
                        select id, plan_id, area_id, name, body from plan_area_plan
                        where municipality_id = :m and plan_id = :p order by name""")
                .param("m", tenancy.municipalityId())
                .param("p", planId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID area = rs.getObject("area_id", UUID.class);
                    return new AreaPlan(
                            id,
                            rs.getObject("plan_id", UUID.class),
                            area,
                            names.getOrDefault(area, ""),
                            rs.getString("name"),
                            rs.getString("body"),
                            items.getOrDefault(id, List.of()));
                })
                .list();
        if (areaId == null) {
            return all;
        }
        List<UUID> within = within(areaId);
        List<AreaPlan> narrowed = new ArrayList<>();
        for (AreaPlan plan : all) {
            if (within.contains(plan.areaId())) {
                narrowed.add(plan);
            } else {
                List<Item> inDistrict = plan.items().stream()
                        .filter(i -> within.contains(i.districtId()))
                        .toList();
                if (!inDistrict.isEmpty()) {
                    narrowed.add(new AreaPlan(
                            plan.id(),
                            plan.planId(),
                            plan.areaId(),
                            plan.areaName(),
                            plan.name(),
                            plan.body(),
                            inDistrict));
                }
            }
        }
        return narrowed;
    }

    /** The area and every area under it. */
    private List<UUID> within(UUID areaId) {
        List<AreaView> tree = areas.tree();
        List<UUID> result = new ArrayList<>();
        result.add(areaId);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AreaView a : tree) {
                if (a.parentId() != null && result.contains(a.parentId()) && !result.contains(a.id())) {
                    result.add(a.id());
                    grew = true;
                }
            }
        }
        return result;
    }

    @Transactional
    public UUID createAreaPlan(UUID planId, UUID areaId, String name, String body) {
        access.requirePlanner();
        if (name.isBlank()) {
            throw new RuleViolation("name", "planning.area.nameRequired");
        }
        if (areas.find(areaId).isEmpty()) {
            throw new RuleViolation("areaId", "planning.area.unknownArea");
        }
        // a second submit of the same form (same area and name) creates nothing more
        Optional<UUID> same = jdbc.sql("""
                        select id from plan_area_plan
                         where municipality_id = :m and plan_id = :p and area_id = :a and name = :name
                        """)
                .param("m", tenancy.municipalityId())
                .param("p", planId)
                .param("a", areaId)
                .param("name", name.strip())
                .query(UUID.class)
                .optional();
        if (same.isPresent()) {
            return same.get();
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into plan_area_plan (municipality_id, id, plan_id, area_id, name, body)
                        values (:m, :id, :p, :a, :name, :body)""")
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("p", planId)
                .param("a", areaId)
                .param("name", name.strip())
                .param("body", body.strip())
                .update();
        audit.record(AuditEntry.of(AuditAction.CREATE, "plan-area-plan", id));
        return id;
    }

    @Transactional
    public UUID addItem(UUID areaPlanId, UUID districtId, String title, String actions) {
        access.requirePlanner();
        if (title.isBlank()) {
            throw new RuleViolation("title", "planning.area.titleRequired");
        }
        if (areas.find(districtId).isEmpty()) {
            throw new RuleViolation("districtId", "planning.area.unknownArea");
        }
        // a second submit of the same form (same district and title) adds nothing more
        Optional<UUID> same = jdbc.sql("""
                        select id from plan_area_item
                         where municipality_id = :m and area_plan_id = :ap and district_id = :d and title = :t
                        """)
                .param("m", tenancy.municipalityId())
                .param("ap", areaPlanId)
                .param("d", districtId)
                .param("t", title.strip())
                .query(UUID.class)
                .optional();
        if (same.isPresent()) {
            return same.get();
        }
        UUID id = Ids.newId();
        jdbc.sql("""
                        insert into plan_area_item (municipality_id, id, area_plan_id, district_id, title, actions,
                            status, updated_at, updated_by)
                        values (:m, :id, :ap, :d, :t, :a, 'PLANNED', :now, :by)""")
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .param("ap", areaPlanId)
                .param("d", districtId)
                .param("t", title.strip())
                .param("a", actions.strip())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentActor.username())
                .update();
        audit.record(AuditEntry.of(AuditAction.CREATE, "plan-area-item", id));
        return id;
    }

    /** The plan an area plan belongs to. */
    public UUID planOf(UUID areaPlanId) {
        return jdbc.sql("select plan_id from plan_area_plan where municipality_id = :m and id = :id")
                .param("m", tenancy.municipalityId())
                .param("id", areaPlanId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("plan-area-plan", areaPlanId));
    }

    public Item item(UUID id) {
        Map<UUID, String> names = areaNames();
        return jdbc.sql("""
                        select id, area_plan_id, district_id, title, actions, progress, status, version
                        from plan_area_item where municipality_id = :m and id = :id""")
                .param("m", tenancy.municipalityId())
                .param("id", id)
                .query((rs, n) -> new Item(
                        rs.getObject("id", UUID.class),
                        rs.getObject("area_plan_id", UUID.class),
                        rs.getObject("district_id", UUID.class),
                        names.getOrDefault(rs.getObject("district_id", UUID.class), ""),
                        rs.getString("title"),
                        rs.getString("actions"),
                        rs.getString("progress"),
                        ItemStatus.valueOf(rs.getString("status")),
                        rs.getInt("version")))
                .optional()
                .orElseThrow(() -> new NotFoundException("plan-area-item", id));
    }

    /** Records a priority item's progress (the planner, from the ward committee's report); version-checked. */
    @Transactional
    public void report(UUID itemId, int version, ItemStatus status, String progress) {
        access.requirePlanner();
        if (progress.length() > 2000) {
            throw new RuleViolation("progress", "planning.import.tooLong", 2000);
        }
        int updated = jdbc.sql("""
                        update plan_area_item set status = :s, progress = :p, updated_at = :now, updated_by = :by,
                            version = version + 1
                        where municipality_id = :m and id = :id and version = :v""")
                .param("s", status.name())
                .param("p", progress.strip())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", CurrentActor.username())
                .param("m", tenancy.municipalityId())
                .param("id", itemId)
                .param("v", version)
                .update();
        if (updated == 0) {
            item(itemId);
            throw new OptimisticLockingFailureException("plan area item " + itemId);
        }
        audit.record(AuditEntry.of(AuditAction.UPDATE, "plan-area-item", itemId));
    }
}
