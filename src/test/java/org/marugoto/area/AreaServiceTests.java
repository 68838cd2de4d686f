package org.marugoto.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.domain.AreaCommand;
import org.marugoto.area.domain.AreaService;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@MarugotoTest
class AreaServiceTests {

    @Autowired
    AreaService areas;

    @Autowired
    AuditApi audit;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static AreaCommand command(String code, AreaLevel level, java.util.UUID parent) {
        return new AreaCommand(parent, level, code, "テスト" + code, "てすと", 1200, 540, true);
    }

    @Test
    @WithUserDetails("admin")
    void createsAnAreaBelowItsParentAndAuditsIt() {
        AreaView north = areas.findByCode("N").orElseThrow();
        AreaView created = areas.create(command("T-CREATE", AreaLevel.JUNIOR_HIGH_DISTRICT, north.id()));

        assertThat(created.depth()).isEqualTo(1);
        assertThat(areas.tree()).extracting(AreaView::code).contains("T-CREATE");
        int north_ = areas.tree().indexOf(north);
        assertThat(areas.tree().indexOf(created)).isGreaterThan(north_);
        assertThat(audit.recent(created.id(), 10)).extracting(e -> e.action()).containsExactly(AuditAction.CREATE);
    }

    @Test
    @WithUserDetails("admin")
    void stampsWhoCreatedAndWhoChangedTheAreaAndWhen() {
        AreaView north = areas.findByCode("N").orElseThrow();
        AreaView created = areas.create(command("T-STAMPS", AreaLevel.JUNIOR_HIGH_DISTRICT, north.id()));
        var stamps = jdbc.sql("select created_at, created_by, updated_at, updated_by from area where id = ?")
                .param(created.id())
                .query()
                .singleRow();
        assertThat(stamps.get("created_by")).isEqualTo("admin");
        assertThat(stamps.get("updated_by")).isEqualTo("admin");
        assertThat(stamps.get("created_at")).isNotNull();

        areas.update(created.id(), created.version(), command("T-STAMPS", AreaLevel.JUNIOR_HIGH_DISTRICT, north.id()));
        var after = jdbc.sql("select created_at, updated_at, version from area where id = ?")
                .param(created.id())
                .query()
                .singleRow();
        assertThat(after.get("created_at")).isEqualTo(stamps.get("created_at"));
        assertThat((java.sql.Timestamp) after.get("updated_at"))
                .isAfterOrEqualTo((java.sql.Timestamp) stamps.get("updated_at"));
        assertThat(after.get("version")).isEqualTo(created.version() + 1);
    }

    @Test
    @WithUserDetails("admin")
    void refusesATakenCode() {
        assertThatThrownBy(() -> areas.create(command("N", AreaLevel.DAILY_LIFE_AREA, null)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("area.error.codeTaken"));
    }

    @Test
    @WithUserDetails("admin")
    void refusesALevelWiderThanTheParent() {
        AreaView elementary = areas.findByCode("N1-1").orElseThrow();
        assertThatThrownBy(() -> areas.create(command("T-WIDE", AreaLevel.JUNIOR_HIGH_DISTRICT, elementary.id())))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.field()).isEqualTo("level"));
    }

    @Test
    @WithUserDetails("admin")
    void refusesToPutAnAreaBelowItsOwnDescendant() {
        AreaView top = areas.create(command("T-LOOP", AreaLevel.WARD, null));
        AreaView child = areas.create(command("T-LOOP-1", AreaLevel.DAILY_LIFE_AREA, top.id()));

        AreaCommand moveBelowChild =
                new AreaCommand(child.id(), AreaLevel.JUNIOR_HIGH_DISTRICT, "T-LOOP", "ループ", null, null, null, true);
        assertThatThrownBy(() -> areas.update(top.id(), top.version(), moveBelowChild))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("area.error.loop"));
        assertThat(areas.find(top.id()).orElseThrow().parentId()).isNull();
    }

    @Test
    @WithUserDetails("admin")
    void refusesAStaleEditAndKeepsTheNewerData() {
        AreaView area = areas.create(command("T-STALE", AreaLevel.WARD, null));
        AreaCommand first = new AreaCommand(null, AreaLevel.WARD, "T-STALE", "先に保存", null, null, null, true);
        AreaCommand second = new AreaCommand(null, AreaLevel.WARD, "T-STALE", "後から保存", null, null, null, true);

        areas.update(area.id(), area.version(), first);
        assertThatThrownBy(() -> areas.update(area.id(), area.version(), second))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(areas.find(area.id()).orElseThrow().name()).isEqualTo("先に保存");
    }

    @Test
    @WithUserDetails("admin")
    void refusesToRetireAnAreaWithActiveChildren() {
        AreaView north = areas.findByCode("N").orElseThrow();
        AreaCommand retire = new AreaCommand(
                null,
                north.level(),
                north.code(),
                north.name(),
                north.nameKana(),
                north.population(),
                north.households(),
                false);
        assertThatThrownBy(() -> areas.update(north.id(), north.version(), retire))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("area.error.activeChildren"));
    }

    @Test
    @WithUserDetails("caseworker")
    void onlyAdministratorsChangeAreas() {
        assertThatThrownBy(() -> areas.create(command("T-DENIED", AreaLevel.WARD, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(areas.findByCode("T-DENIED")).isEmpty();
    }

    @Test
    void demoMunicipalityHasTheWholeHierarchy() {
        assertThat(areas.tree())
                .extracting(AreaView::level)
                .contains(
                        AreaLevel.DAILY_LIFE_AREA,
                        AreaLevel.JUNIOR_HIGH_DISTRICT,
                        AreaLevel.ELEMENTARY_DISTRICT,
                        AreaLevel.DISTRICT_COUNCIL,
                        AreaLevel.NEIGHBOURHOOD_ASSOCIATION);
        int population = areas.tree().stream()
                .filter(a -> a.level() == AreaLevel.DAILY_LIFE_AREA && a.population() != null)
                .mapToInt(AreaView::population)
                .sum();
        assertThat(population).isBetween(140_000, 160_000);
    }
}
