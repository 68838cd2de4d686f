package org.marugoto.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.marugoto.MarugotoTest;
import org.marugoto.area.domain.AreaCommand;
import org.marugoto.area.domain.AreaService;
import org.marugoto.area.domain.PopulationService;
import org.marugoto.area.domain.PopulationService.Change;
import org.marugoto.audit.AuditApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** The population table: checked row by row before saving, all or nothing, a re-run changes nothing; read per area. */
@MarugotoTest
class PopulationServiceTests {

    static final String HEADER = "地域コード,基準日,年齢区分,人口,高齢単身世帯数\n";

    @Autowired
    PopulationService population;

    @Autowired
    PopulationApi api;

    @Autowired
    AreaService areas;

    @Autowired
    AuditApi audit;

    @Autowired
    JdbcClient jdbc;

    /** A junior-high district with two elementary districts of its own, so that the test's rows touch no other test. */
    private AreaView district(String code) {
        AreaView north = areas.findByCode("N").orElseThrow();
        AreaView parent = areas.findByCode(code)
                .orElseGet(() -> areas.create(new AreaCommand(
                        north.id(), AreaLevel.JUNIOR_HIGH_DISTRICT, code, "人口" + code, null, null, null, true)));
        for (int i = 1; i <= 2; i++) {
            String child = code + "-" + i;
            if (areas.findByCode(child).isEmpty()) {
                areas.create(new AreaCommand(
                        parent.id(), AreaLevel.ELEMENTARY_DISTRICT, child, "人口" + child, null, null, null, true));
            }
        }
        return parent;
    }

    private long rows(String code) {
        UUID id = areas.findByCode(code).orElseThrow().id();
        return jdbc.sql("select count(*) from area_population where area_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    @Test
    @WithUserDetails("admin")
    void aBadRowStopsTheWholeFileAndAFixedFileIsSavedOnceAndReadPerArea() {
        district("PT1");
        String bad = HEADER
                + "PT1-1,2001-04-01,0-14,300,40\n"
                + "PT1-1,2001-04-01,15-64,1200,40\n"
                + "PT1-1,2001-04-01,60-79,700,40\n" // spans 65
                + "PT1-9,2001-04-01,75+,200,\n" // no such area
                + "PT1-2,2001-13-01,75+,abc,\n"; // a bad date and a bad count
        PopulationService.Preview preview = population.preview("pop.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.ok()).isFalse();
        assertThat(preview.errors())
                .extracting(
                        PopulationService.RowError::row,
                        PopulationService.RowError::column,
                        PopulationService.RowError::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "年齢区分", "area.population.bandAcross65"),
                        org.assertj.core.groups.Tuple.tuple(5, "地域コード", "area.population.unknownArea"),
                        org.assertj.core.groups.Tuple.tuple(6, "基準日", "area.population.date"),
                        org.assertj.core.groups.Tuple.tuple(6, "人口", "area.population.count"));
        // saving the bad file saves nothing, not even its good rows
        assertThat(population
                        .save("pop.csv", bad.getBytes(StandardCharsets.UTF_8))
                        .ok())
                .isFalse();
        assertThat(rows("PT1-1")).isZero();

        String fixed = HEADER
                + "PT1-1,2001/4/1,0-14,300,40\n"
                + "PT1-1,2001/4/1,15-64,1200,40\n"
                + "PT1-1,2001/4/1,65-74,300,40\n"
                + "PT1-1,2001/4/1,75歳以上,200,\n"
                + "PT1-2,2001-04-01,0～64,\"1,000\",10\n"
                + "PT1-2,2001-04-01,65+,500,10\n";
        PopulationService.Preview saved = population.save("pop.csv", fixed.getBytes(StandardCharsets.UTF_8));
        assertThat(saved.ok()).isTrue();
        assertThat(saved.count(Change.NEW)).isEqualTo(6);
        assertThat(rows("PT1-1")).isEqualTo(4);

        // the same file again changes nothing
        PopulationService.Preview again = population.save("pop.csv", fixed.getBytes(StandardCharsets.UTF_8));
        assertThat(again.count(Change.SAME)).isEqualTo(6);
        assertThat(again.count(Change.NEW) + again.count(Change.CHANGED)).isZero();

        LocalDate day = LocalDate.of(2001, 6, 1);
        PopulationView first = api.population(
                        areas.findByCode("PT1-1").orElseThrow().id(), day)
                .orElseThrow();
        assertThat(first.persons()).isEqualTo(2000);
        assertThat(first.aged65AndOver()).isEqualTo(500);
        assertThat(first.ageingRate()).isEqualTo(25.0);
        assertThat(first.singleElderlyHouseholds()).isEqualTo(40); // given on the first rows of the area and date
        // the junior-high district has no table of its own: its elementary districts are added up
        PopulationView parent =
                api.population(areas.findByCode("PT1").orElseThrow().id(), day).orElseThrow();
        assertThat(parent.persons()).isEqualTo(3500);
        assertThat(parent.aged65AndOver()).isEqualTo(1000);
        assertThat(parent.singleElderlyHouseholds()).isEqualTo(50);
        assertThat(parent.ageingRate()).isEqualTo(28.6);
        // before the table's date there is nothing
        assertThat(api.population(areas.findByCode("PT1-1").orElseThrow().id(), LocalDate.of(2001, 3, 31)))
                .isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void aChangedFigureIsShownAsChangedAndAnExcelSheetAndShiftJisAreRead() throws Exception {
        district("PT2");
        String first = HEADER + "PT2-1,2002-04-01,0-64,800,\nPT2-1,2002-04-01,65+,200,30\n";
        assertThat(population
                        .save("p.csv", first.getBytes(Charset.forName("windows-31j")))
                        .ok())
                .isTrue();
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("人口");
            String[][] cells = {
                {"地域コード", "基準日", "年齢区分", "人口", "高齢単身世帯数"},
                {"PT2-1", "2002-04-01", "0-64", "800", "31"},
                {"PT2-1", "2002-04-01", "65+", "210", "31"}
            };
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        PopulationService.Preview preview = population.preview("p.xlsx", xlsx);
        assertThat(preview.ok()).isTrue();
        assertThat(preview.rows())
                .extracting(PopulationService.RowPreview::change)
                .containsExactly(Change.CHANGED, Change.CHANGED);
        population.save("p.xlsx", xlsx);
        PopulationView after = api.population(
                        areas.findByCode("PT2-1").orElseThrow().id(), LocalDate.of(2002, 4, 1))
                .orElseThrow();
        assertThat(after.persons()).isEqualTo(1010);
        assertThat(after.singleElderlyHouseholds()).isEqualTo(31);
    }

    @Test
    @WithUserDetails("admin")
    void theHeadingsAndTheFileKindAreChecked() {
        assertThat(population
                        .preview("p.csv", "コード,日付\nN,2001-01-01\n".getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(PopulationService.RowError::key)
                .contains("area.population.missingColumn");
        assertThat(population.preview("p.pdf", new byte[] {1}).errors())
                .extracting(PopulationService.RowError::key)
                .containsExactly("area.population.format");
        assertThat(population
                        .preview("p.csv", HEADER.getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(PopulationService.RowError::key)
                .containsExactly("area.population.empty");
    }

    @Test
    @WithUserDetails("csw")
    void onlyAnAdministratorImports() {
        byte[] file = (HEADER + "N,2001-04-01,0-14,1,\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> population.preview("p.csv", file)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> population.save("p.csv", file)).isInstanceOf(AccessDeniedException.class);
    }
}
