package org.marugoto.area.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.shared.Ids;
import org.marugoto.shared.NotFoundException;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.ShortCache;
import org.marugoto.shared.Tenancy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the area tree consistent: unique codes, existing parents, no loops, narrower levels below wider ones. */
@Service
public class AreaService implements AreaApi {

    private final AreaRepository areas;
    private final Tenancy tenancy;
    private final AuditApi audit;
    private final ShortCache<UUID, List<AreaView>> cachedTree = new ShortCache<>(Duration.ofMinutes(1));

    AreaService(AreaRepository areas, Tenancy tenancy, AuditApi audit) {
        this.areas = areas;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    /** The whole tree, depth first by code; pages read it often, so it is kept for a minute (decision 0025). */
    @Override
    public List<AreaView> tree() {
        return cachedTree.get(tenancy.municipalityId(), this::readTree);
    }

    private List<AreaView> readTree() {
        List<Area> all = areas.findByMunicipalityId(tenancy.municipalityId());
        Map<@Nullable UUID, List<Area>> children = new HashMap<>();
        for (Area area : all) {
            children.computeIfAbsent(area.parentId(), k -> new ArrayList<>()).add(area);
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(Area::code)));
        List<AreaView> result = new ArrayList<>(all.size());
        addSubtree(children, null, 0, result);
        return List.copyOf(result);
    }

    private static void addSubtree(
            Map<@Nullable UUID, List<Area>> children, @Nullable UUID parent, int depth, List<AreaView> result) {
        for (Area area : children.getOrDefault(parent, List.of())) {
            result.add(view(area, depth));
            addSubtree(children, area.id(), depth + 1, result);
        }
    }

    @Override
    public Optional<AreaView> find(UUID id) {
        return tree().stream().filter(area -> area.id().equals(id)).findFirst();
    }

    @Override
    public Optional<AreaView> findByCode(String code) {
        return tree().stream().filter(area -> area.code().equals(code)).findFirst();
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public AreaView create(AreaCommand command) {
        checkParent(null, command);
        checkCodeFree(null, command.code());
        Area area = new Area(Ids.newId(), tenancy.municipalityId(), command.level(), command.code(), command.name());
        area.apply(command);
        Area saved = save(area);
        audit.record(AuditEntry.of(AuditAction.CREATE, "area", saved.id()));
        return view(saved, depthOf(saved));
    }

    /** Creates the area unless one with the same code exists (used by the demo municipality). */
    @Transactional
    public AreaView ensure(AreaCommand command) {
        return findByCode(command.code()).orElseGet(() -> {
            Area area =
                    new Area(Ids.newId(), tenancy.municipalityId(), command.level(), command.code(), command.name());
            area.apply(command);
            Area saved = save(area);
            return view(saved, depthOf(saved));
        });
    }

    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public AreaView update(UUID id, int seenVersion, AreaCommand command) {
        Area area = areas.findByMunicipalityIdAndId(tenancy.municipalityId(), id)
                .orElseThrow(() -> new NotFoundException("area", id));
        checkParent(id, command);
        checkCodeFree(id, command.code());
        if (!command.active() && area.active() && hasActiveChildren(id)) {
            throw new RuleViolation("active", "area.error.activeChildren");
        }
        area.expectVersion(seenVersion);
        area.apply(command);
        Area saved = save(area);
        audit.record(AuditEntry.of(AuditAction.UPDATE, "area", id));
        return view(saved, depthOf(saved));
    }

    private Area save(Area area) {
        cachedTree.invalidate();
        try {
            return areas.save(area);
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("code", "area.error.codeTaken");
        }
    }

    private boolean hasActiveChildren(UUID id) {
        return areas.findByMunicipalityId(tenancy.municipalityId()).stream()
                .anyMatch(a -> id.equals(a.parentId()) && a.active());
    }

    private void checkCodeFree(@Nullable UUID self, String code) {
        areas.findByMunicipalityIdAndCode(tenancy.municipalityId(), code)
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new RuleViolation("code", "area.error.codeTaken");
                });
    }

    private void checkParent(@Nullable UUID self, AreaCommand command) {
        if (command.parentId() == null) {
            return;
        }
        Map<UUID, Area> byId = new HashMap<>();
        areas.findByMunicipalityId(tenancy.municipalityId()).forEach(a -> byId.put(a.id(), a));
        Area parent = byId.get(command.parentId());
        if (parent == null) {
            throw new RuleViolation("parentId", "area.error.parentMissing");
        }
        if (parent.level().ordinal() >= command.level().ordinal()) {
            throw new RuleViolation("level", "area.error.levelNotBelowParent");
        }
        Set<UUID> seen = new HashSet<>();
        for (Area up = parent; up != null; up = up.parentId() == null ? null : byId.get(up.parentId())) {
            if (up.id().equals(self) || !seen.add(up.id())) {
                throw new RuleViolation("parentId", "area.error.loop");
            }
        }
    }

    private int depthOf(Area area) {
        int depth = 0;
        UUID parent = area.parentId();
        while (parent != null && depth < 20) {
            parent = areas.findByMunicipalityIdAndId(tenancy.municipalityId(), parent)
                    .map(Area::parentId)
                    .orElse(null);
            depth++;
        }
        return depth;
    }

    private static AreaView view(Area area, int depth) {
        return new AreaView(
                area.id(),
                area.parentId(),
                area.level(),
                area.code(),
                area.name(),
                area.nameKana(),
                area.population(),
                area.households(),
                area.active(),
                depth,
                area.version());
    }
}
