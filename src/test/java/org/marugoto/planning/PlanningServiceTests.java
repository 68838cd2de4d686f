package org.marugoto.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.consultation.ConsultationStatistics;
import org.marugoto.planning.domain.AreaPlanService;
import org.marugoto.planning.domain.IndicatorService;
import org.marugoto.planning.domain.PlanImport;
import org.marugoto.planning.domain.PlanService;
import org.marugoto.planning.domain.PlanService.HeadingKind;
import org.marugoto.planning.domain.ProgressService;
import org.marugoto.shared.CountScope;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The plan against the real database: the demo plan's shape, the measure search, indicators counted through the
 * statistics APIs (never typed), the yearly cycle with the departments' access, stale and frozen edits, the import
 * (row errors, all or nothing, a re-run changing nothing) and a new plan as a copy.
 */
@MarugotoTest
class PlanningServiceTests {

    @Autowired
    PlanService plans;

    @Autowired
    IndicatorService indicators;

    @Autowired
    ProgressService progress;

    @Autowired
    AreaPlanService areaPlans;

    @Autowired
    PlanImport importer;

    @Autowired
    ConsultationStatistics consultationStatistics;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    void as(String username) {
        CurrentActor.actAs(users.loadUserByUsername(username));
    }

    PlanService.Plan demo() {
        return plans.plans().stream()
                .filter(p -> p.name().contains("美月野市地域福祉計画"))
                .findFirst()
                .orElseThrow();
    }

    /** A plan of its own for a test that changes things (years before the demo plan, so it never becomes current). */
    UUID scratchPlan(int firstYear) {
        as("planner");
        UUID plan = plans.createPlan("テスト計画 " + UUID.randomUUID(), firstYear, firstYear + 2, "テストの基本目標", null);
        plans.addHeading(plan, HeadingKind.DIRECTION, 1, "方向性1");
        plans.addHeading(plan, HeadingKind.THEME, 1, "見守り");
        plans.addHeading(plan, HeadingKind.THEME, 2, "居場所");
        plans.addHeading(plan, HeadingKind.SERVICE_TYPE, 1, "人材育成");
        plans.addHeading(plan, HeadingKind.SERVICE_TYPE, 2, "情報提供");
        return plan;
    }

    @Test
    void theDemoPlanHasChibaCitysShape() {
        PlanService.Plan plan = demo();
        assertThat(plans.headings(plan.id(), HeadingKind.DIRECTION)).hasSize(4);
        assertThat(plans.headings(plan.id(), HeadingKind.THEME)).hasSize(10);
        assertThat(plans.headings(plan.id(), HeadingKind.SERVICE_TYPE))
                .extracting(PlanService.Heading::name)
                .containsExactly("人材育成", "情報提供", "活動場所の提供", "物品提供", "費用等助成", "意識啓発", "団体等支援", "ネットワーク化", "相談支援");
        List<PlanService.Measure> measures =
                plans.search(new PlanService.Criteria(plan.id(), null, null, null, null, false));
        assertThat(measures).hasSizeGreaterThanOrEqualTo(60);
        assertThat(measures.stream()
                        .flatMap(m -> m.departments().stream())
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(8);
        List<IndicatorService.Indicator> all = indicators.indicators(plan.id());
        assertThat(all).hasSize(16);
        assertThat(all.stream().filter(IndicatorService.Indicator::computed)).hasSize(7);
        assertThat(areaPlans.areaPlans(plan.id(), null))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(ap -> assertThat(ap.items()).isNotEmpty());
        assertThat(progress.years(plan.id()))
                .extracting(ProgressService.Year::fiscalYear, ProgressService.Year::status)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(2025, ProgressService.YearStatus.CLOSED),
                        org.assertj.core.groups.Tuple.tuple(2026, ProgressService.YearStatus.OPEN));
    }

    @Test
    void measuresAreFoundByThemeServiceTypeDepartmentAndKeyword() {
        PlanService.Plan plan = demo();
        PlanService.Heading watch = plans.headings(plan.id(), HeadingKind.THEME).get(0);
        List<PlanService.Measure> byTheme =
                plans.search(new PlanService.Criteria(plan.id(), watch.id(), null, null, null, false));
        assertThat(byTheme).isNotEmpty().allSatisfy(m -> assertThat(m.themes()).contains(watch));
        PlanService.Heading training =
                plans.headings(plan.id(), HeadingKind.SERVICE_TYPE).get(0);
        assertThat(plans.search(new PlanService.Criteria(plan.id(), null, training.id(), null, null, false)))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.serviceTypes()).contains(training));
        PlanService.Department health = plans.departmentByName("健康づくり課").orElseThrow();
        assertThat(plans.search(new PlanService.Criteria(plan.id(), null, null, health.id(), null, false)))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.departmentNames()).contains("健康づくり課"));
        // full-width and half-width are the same to the search
        assertThat(plans.search(new PlanService.Criteria(plan.id(), null, null, null, "ゲートキーパー", false)))
                .extracting(PlanService.Measure::name)
                .anyMatch(n -> n.contains("ゲートキーパー"));
        assertThat(plans.search(new PlanService.Criteria(plan.id(), watch.id(), null, null, "存在しない語", false)))
                .isEmpty();
    }

    @Test
    void computedIndicatorsAreCountedThroughTheStatisticsApiAndNeverTyped() {
        PlanService.Plan plan = demo();
        IndicatorService.Indicator consultations = indicators.indicators(plan.id()).stream()
                .filter(i -> i.computation() == IndicatorService.Computation.CONSULTATIONS_RECEIVED)
                .findFirst()
                .orElseThrow();
        int year = IndicatorService.fiscalYearOf(indicators.today());
        long expected = consultationStatistics
                .consultationsBy(
                        ConsultationStatistics.By.CHANNEL,
                        CountScope.city(),
                        LocalDate.of(year, 4, 1),
                        indicators.today())
                .values()
                .stream()
                .mapToLong(Long::longValue)
                .sum();
        IndicatorService.YearFigure figure = indicators.series(plan).stream()
                .filter(s -> s.indicator().code().equals(consultations.code()))
                .findFirst()
                .orElseThrow()
                .years()
                .stream()
                .filter(f -> f.fiscalYear() == year)
                .findFirst()
                .orElseThrow();
        assertThat(figure.kind()).isEqualTo(IndicatorService.FigureKind.COUNTED);
        assertThat(figure.value()).isEqualByComparingTo(BigDecimal.valueOf(expected));
        as("planner");
        assertThatThrownBy(() -> indicators.enter(consultations.id(), year, BigDecimal.TEN, false))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("planning.indicator.computedNotEntered");
    }

    @Autowired
    org.marugoto.area.PopulationApi population;

    @Autowired
    org.marugoto.community.CommunityStatistics community;

    @Autowired
    org.marugoto.area.AreaApi areas;

    @Test
    void placesPerThousandAndTheAgeingRateComeFromThePopulationTableAndThePublishedPlaces() {
        PlanService.Plan plan = demo();
        int year = IndicatorService.fiscalYearOf(indicators.today());
        org.marugoto.area.PopulationView city =
                population.city(indicators.today()).orElseThrow();
        java.util.Set<java.util.UUID> all = new java.util.HashSet<>();
        areas.tree().forEach(a -> all.add(a.id()));
        long places = community.openActivitiesIn(all);
        assertThat(places).isPositive();
        BigDecimal expected =
                BigDecimal.valueOf(places * 1000.0 / city.persons()).setScale(2, java.math.RoundingMode.HALF_UP);
        IndicatorService.YearFigure figure = indicators.series(plan).stream()
                .filter(s -> s.indicator().computation() == IndicatorService.Computation.PLACES_PER_THOUSAND)
                .findFirst()
                .orElseThrow()
                .years()
                .stream()
                .filter(f -> f.fiscalYear() == year)
                .findFirst()
                .orElseThrow();
        assertThat(figure.kind()).isEqualTo(IndicatorService.FigureKind.COUNTED);
        assertThat(figure.value()).isEqualByComparingTo(expected);
        assertThat(indicators.compute(IndicatorService.Computation.AGEING_RATE, year))
                .isEqualByComparingTo(BigDecimal.valueOf(city.ageingRate()));
        // a year before any population table has no figure rather than a zero
        assertThat(indicators.compute(IndicatorService.Computation.PLACES_PER_THOUSAND, 1990))
                .isNull();
        // an area's figures: its own population table and the places in it and under it
        org.marugoto.area.AreaView north = areas.findByCode("N").orElseThrow();
        IndicatorService.AreaFigures figures = indicators.areaFigures(north.id());
        assertThat(figures.population()).isNotNull();
        assertThat(figures.population().ageingRate()).isBetween(15.0, 45.0);
        assertThat(figures.places()).isLessThanOrEqualTo(places);
    }

    @Test
    void aDepartmentEntersOnlyItsOwnMeasuresAndStaleOrFrozenEditsAreRefused() {
        PlanService.Plan plan = demo();
        ProgressService.Year open = progress.year(plan.id(), 2026).orElseThrow();
        ProgressService.Year closed = progress.year(plan.id(), 2025).orElseThrow();
        PlanService.Measure own = plans.search(new PlanService.Criteria(
                        plan.id(),
                        null,
                        null,
                        plans.departmentByName("健康づくり課").orElseThrow().id(),
                        null,
                        false))
                .get(0);
        PlanService.Measure other = plans.search(new PlanService.Criteria(
                        plan.id(),
                        null,
                        null,
                        plans.departmentByName("こども家庭課").orElseThrow().id(),
                        null,
                        false))
                .get(0);
        as("caseworker5");
        assertThat(progress.pendingFor(CurrentActor.get().orElseThrow()))
                .extracting(ProgressService.Pending::measureId)
                .contains(own.id())
                .doesNotContain(other.id());
        int version = progress.progress(open.id(), own.id())
                .map(ProgressService.Progress::version)
                .orElse(-1);
        progress.save(
                open.id(),
                own.id(),
                version,
                new ProgressService.ProgressEntry("健康教室を12回開いた。", ProgressService.Evaluation.B, "参加者の固定化", "新しい会場を探す"));
        ProgressService.Progress saved = progress.progress(open.id(), own.id()).orElseThrow();
        assertThat(saved.result()).isEqualTo("健康教室を12回開いた。");
        assertThat(saved.enteredBy()).isEqualTo("caseworker5");
        // the same form sent again with the old version is refused, nothing changes
        assertThatThrownBy(() -> progress.save(
                        open.id(),
                        own.id(),
                        version,
                        new ProgressService.ProgressEntry("上書き", ProgressService.Evaluation.D, "", "")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(progress.progress(open.id(), own.id()).orElseThrow().result())
                .isEqualTo("健康教室を12回開いた。");
        // another department's measure: refused
        assertThatThrownBy(() -> progress.save(
                        open.id(),
                        other.id(),
                        -1,
                        new ProgressService.ProgressEntry("x", ProgressService.Evaluation.A, "", "")))
                .isInstanceOf(AccessDeniedException.class);
        // the closed year: refused with a translated message
        as("planner");
        ProgressService.Progress frozen =
                progress.progress(closed.id(), own.id()).orElseThrow();
        assertThatThrownBy(() -> progress.save(
                        closed.id(),
                        own.id(),
                        frozen.version(),
                        new ProgressService.ProgressEntry("変更", ProgressService.Evaluation.A, "", "")))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("planning.year.closedRefused");
        assertThat(progress.progress(closed.id(), own.id()).orElseThrow().result())
                .isEqualTo(frozen.result());
        // someone who is neither the planner nor a member sees nothing of the cycle
        as("caseworker");
        assertThat(progress.pendingFor(CurrentActor.get().orElseThrow())).isEmpty();
        assertThatThrownBy(() -> progress.remind(open.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void closingAYearFreezesItAndTheComputedFigures() {
        UUID plan = scratchPlan(2020);
        plans.saveIndicator(
                plan,
                new IndicatorService.Indicator(
                        null,
                        "C1",
                        "相談件数",
                        "",
                        "件",
                        2019,
                        BigDecimal.ONE,
                        IndicatorService.Source.COMPUTED,
                        IndicatorService.Computation.CONSULTATIONS_RECEIVED,
                        null,
                        null,
                        java.util.Map.of()));
        UUID year = progress.open(plan, 2021);
        assertThatThrownBy(() -> progress.open(plan, 2021)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> progress.open(plan, 2030)).isInstanceOf(RuleViolation.class);
        progress.comment(year, 0, "委員会の意見");
        assertThatThrownBy(() -> progress.comment(year, 0, "古い版から"))
                .isInstanceOf(OptimisticLockingFailureException.class);
        progress.close(year, 1);
        assertThat(progress.year(year).closed()).isTrue();
        assertThat(jdbc.sql("select count(*) from plan_indicator_value v join plan_indicator i"
                                + " on i.municipality_id = v.municipality_id and i.id = v.indicator_id"
                                + " where i.plan_id = ? and v.fiscal_year = 2021")
                        .param(plan)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThatThrownBy(() -> progress.comment(year, 2, "締切後"))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("planning.year.closedRefused");
        assertThatThrownBy(() -> progress.close(year, 2)).isInstanceOf(RuleViolation.class);
    }

    static final String HEADER = "番号,施策名,内容,施策の方向性,テーマ,サービス類型,所管課,実施主体,重点施策\r\n";

    @Test
    void anImportShowsRowErrorsSavesAllOrNothingAndARerunChangesNothing() {
        UUID plan = scratchPlan(2010);
        String bad = HEADER
                + "1,見守り訪問,月1回の訪問,1,1,1,テスト福祉課,地域、市,○\r\n"
                + "2,,名前のない施策,1,9,1,テスト福祉課,市,\r\n"
                + "3,居場所づくり,\"サロン, カフェ\",1,2,2,テスト福祉課、テスト協働課,宇宙,\r\n";
        PlanImport.Preview preview = importer.preview(plan, "measures.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.ok()).isFalse();
        assertThat(preview.errors())
                .extracting(PlanImport.RowError::row, PlanImport.RowError::column, PlanImport.RowError::key)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(3, "施策名", "planning.import.required"),
                        org.assertj.core.groups.Tuple.tuple(3, "テーマ", "planning.import.unknownHeading"),
                        org.assertj.core.groups.Tuple.tuple(4, "実施主体", "planning.import.unknownActor"));
        PlanImport.Preview refused = importer.save(plan, "measures.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.ok()).isFalse();
        assertThat(plans.measureCount(plan)).isZero();

        String good = HEADER
                + "1,見守り訪問,月1回の訪問,1,1,1,テスト福祉課,地域、市,○\r\n"
                + "2,情報誌の発行,年4回,1,1,2,テスト福祉課,市,\r\n"
                + "3,居場所づくり,\"サロン, カフェ\",1,2,2,テスト福祉課、テスト協働課,社協,\r\n";
        // Shift_JIS, as an office's Excel saves CSV
        byte[] sjis = good.getBytes(java.nio.charset.Charset.forName("windows-31j"));
        PlanImport.Preview first = importer.save(plan, "measures.csv", sjis);
        assertThat(first.ok()).isTrue();
        assertThat(first.count(PlanImport.Change.NEW)).isEqualTo(3);
        PlanService.Measure three = plans.measureByNumber(plan, "3").orElseThrow();
        assertThat(three.content()).isEqualTo("サロン, カフェ");
        assertThat(three.departments())
                .extracting(PlanService.Department::name)
                .containsExactlyInAnyOrder("テスト福祉課", "テスト協働課");
        assertThat(plans.measureByNumber(plan, "1").orElseThrow().priority()).isTrue();
        String stamps = jdbc.sql("select string_agg(updated_at::text || version, ',' order by number) from plan_measure"
                        + " where plan_id = ?")
                .param(plan)
                .query(String.class)
                .single();
        PlanImport.Preview again = importer.save(plan, "measures.csv", sjis);
        assertThat(again.count(PlanImport.Change.SAME)).isEqualTo(3);
        assertThat(again.count(PlanImport.Change.NEW) + again.count(PlanImport.Change.CHANGED))
                .isZero();
        assertThat(jdbc.sql("select string_agg(updated_at::text || version, ',' order by number) from plan_measure"
                                + " where plan_id = ?")
                        .param(plan)
                        .query(String.class)
                        .single())
                .isEqualTo(stamps);
        // one changed row is a change of that measure only
        PlanImport.Preview changed = importer.preview(
                plan, "measures.csv", good.replace("年4回", "年6回").getBytes(StandardCharsets.UTF_8));
        assertThat(changed.count(PlanImport.Change.CHANGED)).isEqualTo(1);
    }

    @Test
    void indicatorsAreImportedWithTargetsFromAWorkbook() throws Exception {
        UUID plan = scratchPlan(2012);
        byte[] workbook;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("指標");
            String[][] rows = {
                PlanImport.INDICATOR_COLUMNS.toArray(String[]::new),
                {"1", "居場所の数", "年度末の数", "か所", "2011", "10", "入力", "テスト福祉課", "2012:12;2013:14"},
                {"2", "相談件数", "", "件", "2011", "100", "CONSULTATIONS_RECEIVED", "", "2013:120"}
            };
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
            workbook = out.toByteArray();
        }
        PlanImport.Preview saved = importer.save(plan, "indicators.xlsx", workbook);
        assertThat(saved.errors()).isEmpty();
        List<IndicatorService.Indicator> all = indicators.indicators(plan);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).targets()).containsEntry(2013, new BigDecimal("14.00"));
        assertThat(all.get(1).computed()).isTrue();
        assertThat(importer.save(plan, "indicators.xlsx", workbook).count(PlanImport.Change.SAME))
                .isEqualTo(2);
    }

    @Test
    void aNewPlanStartsAsACopyOfThePreviousOne() {
        PlanService.Plan demo = demo();
        as("planner");
        UUID copy = plans.copyPlan(demo.id(), "写しの計画", 2001, 2005);
        assertThat(plans.measureCount(copy)).isEqualTo(plans.measureCount(demo.id()));
        assertThat(plans.headings(copy)).hasSameSizeAs(plans.headings(demo.id()));
        assertThat(indicators.indicators(copy)).hasSize(16);
        assertThat(progress.years(copy)).isEmpty();
        assertThat(plans.plan(copy).copiedFrom()).isEqualTo(demo.id());
        // the demo plan stays the current one
        assertThat(plans.current().orElseThrow().id()).isEqualTo(demo.id());
    }

    @Autowired
    org.marugoto.planning.domain.PlanEditing editing;

    @Autowired
    org.marugoto.audit.AuditApi audit;

    @Test
    void thePlannerEditsOneMeasureAndOneIndicatorVersionCheckedAndAudited() {
        UUID plan = scratchPlan(2011);
        plans.saveMeasure(
                plan,
                new PlanService.MeasureDraft(
                        "E-1", "見守り活動", "", 1, List.of(1), List.of(1), List.of("地域福祉推進課"), List.of(), false));
        PlanService.Measure before = plans.measureByNumber(plan, "E-1").orElseThrow();
        PlanService.MeasureDraft edit = new PlanService.MeasureDraft(
                "ignored",
                "見守り活動の充実",
                "声かけ訪問",
                1,
                List.of(1, 2),
                List.of(2),
                List.of("地域福祉推進課", "高齢者支援課"),
                List.of(PlanService.MeasureActor.COMMUNITY, PlanService.MeasureActor.CITY),
                true);
        assertThat(editing.editMeasure(before.id(), before.version(), edit)).isTrue();
        PlanService.Measure after = plans.measure(before.id());
        assertThat(after.number()).isEqualTo("E-1");
        assertThat(after.name()).isEqualTo("見守り活動の充実");
        assertThat(after.priority()).isTrue();
        assertThat(after.themes()).extracting(PlanService.Heading::number).containsExactlyInAnyOrder(1, 2);
        assertThat(after.departmentNames()).contains("高齢者支援課");
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(audit.recent(before.id(), 5))
                .anySatisfy(e -> assertThat(e.details()).contains("name", "themes", "priority"));
        // the form opened before the edit is stale; the same edit again changes nothing
        assertThatThrownBy(() -> editing.editMeasure(before.id(), before.version(), edit))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(editing.editMeasure(before.id(), after.version(), edit)).isFalse();
        // a heading that the plan does not have is refused at its field
        PlanService.MeasureDraft unknown = new PlanService.MeasureDraft(
                "", "x", "", 1, List.of(9), List.of(), List.of("地域福祉推進課"), List.of(), false);
        assertThatThrownBy(() -> editing.editMeasure(before.id(), after.version(), unknown))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("planning.edit.unknownHeading");

        plans.saveIndicator(
                plan,
                new IndicatorService.Indicator(
                        null,
                        "E-I",
                        "サロンの数",
                        "",
                        "か所",
                        2010,
                        BigDecimal.TEN,
                        IndicatorService.Source.ENTERED,
                        null,
                        null,
                        "地域福祉推進課",
                        java.util.Map.of(2011, BigDecimal.valueOf(12))));
        IndicatorService.Indicator indicator = indicators.indicators(plan).get(0);
        int version = editing.indicatorVersion(indicator.id());
        assertThat(editing.editIndicator(
                        indicator.id(),
                        version,
                        new org.marugoto.planning.domain.PlanEditing.IndicatorEdit(
                                "ふれあいサロンの数",
                                "市内のサロン",
                                "か所",
                                2010,
                                BigDecimal.valueOf(11),
                                java.util.Map.of(2011, BigDecimal.valueOf(13), 2013, BigDecimal.valueOf(20)))))
                .isTrue();
        IndicatorService.Indicator edited = indicators.indicator(indicator.id());
        assertThat(edited.name()).isEqualTo("ふれあいサロンの数");
        assertThat(edited.targets()).containsOnlyKeys(2011, 2013);
        assertThat(edited.source()).isEqualTo(IndicatorService.Source.ENTERED);
        assertThatThrownBy(() -> editing.editIndicator(
                        indicator.id(),
                        version,
                        new org.marugoto.planning.domain.PlanEditing.IndicatorEdit(
                                "x", "", "か所", 2010, BigDecimal.ONE, java.util.Map.of())))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> editing.editIndicator(
                        indicator.id(),
                        version + 1,
                        new org.marugoto.planning.domain.PlanEditing.IndicatorEdit(
                                "x", "", "か所", 2010, BigDecimal.ONE, java.util.Map.of(2020, BigDecimal.ONE))))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("planning.edit.targetOutsidePeriod");

        // a department's member may not edit the plan
        as("caseworker5");
        assertThatThrownBy(() -> editing.editMeasure(before.id(), after.version(), edit))
                .isInstanceOf(AccessDeniedException.class);
    }
}
