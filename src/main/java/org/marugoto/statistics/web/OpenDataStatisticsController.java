package org.marugoto.statistics.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.marugoto.shared.Japan;
import org.marugoto.shared.Tenancy;
import org.marugoto.statistics.domain.StatisticsService;
import org.marugoto.statistics.domain.StatisticsService.OpenDataRow;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data without login (under the residents' stateless {@code /public/**} chain): consultations received per
 * fiscal year about households registered in each area, as CSV and JSON under CC BY 4.0, with a data dictionary.
 * Counts of 1 to 4 are suppressed, households with a person under protection are not counted, no total is given (so
 * that no suppressed count can be worked out), and nothing about a person is ever in it.
 */
@Controller
class OpenDataStatisticsController {

    static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    /** The columns, in order, with their meaning (the data dictionary) in Japanese and English. */
    static final List<Column> DICTIONARY = List.of(
            new Column("fiscal_year", "integer", "年度（西暦。4月から翌年3月まで）", "Fiscal year (April to March), Western year"),
            new Column("fiscal_year_ja", "string", "年度（和暦）", "Fiscal year in the Japanese era"),
            new Column("area_code", "string", "地域のコード", "Code of the area"),
            new Column("area_name", "string", "地域の名前", "Name of the area"),
            new Column(
                    "area_level",
                    "string",
                    "地域の単位（CITY 市、DAILY_LIFE_AREA 日常生活圏域、ELEMENTARY_DISTRICT 小学校区 など）",
                    "Level of the area (CITY, DAILY_LIFE_AREA, ELEMENTARY_DISTRICT…)"),
            new Column(
                    "consultations",
                    "integer or empty",
                    "その年度に受け付けた、この地域に住所のある世帯についての相談の件数。1〜4件は秘匿（空欄）",
                    "Consultations received in the fiscal year about households registered in the area; 1 to 4 are suppressed (empty)"),
            new Column("suppressed", "boolean", "秘匿したとき true（1〜4件）", "true when the count was suppressed (1 to 4)"));

    record Column(String name, String type, String descriptionJa, String descriptionEn) {

        String description(Locale locale) {
            return "en".equals(locale.getLanguage()) ? descriptionEn : descriptionJa;
        }
    }

    private final StatisticsService statistics;
    private final Tenancy tenancy;
    private final JsonMapper json;

    OpenDataStatisticsController(StatisticsService statistics, Tenancy tenancy, JsonMapper json) {
        this.statistics = statistics;
        this.tenancy = tenancy;
        this.json = json;
    }

    @GetMapping("/public/open-data/statistics")
    String page(Model model, Locale locale) {
        model.addAttribute("municipalityName", tenancy.municipalityName());
        model.addAttribute("license", LICENSE);
        model.addAttribute("years", statistics.openDataYears());
        model.addAttribute("dictionary", DICTIONARY);
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "statistics/open-data";
    }

    @GetMapping("/public/open-data/statistics/consultations-by-area.csv")
    ResponseEntity<byte[]> csv(@RequestParam(name = "year", required = false) @Nullable String year) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", DICTIONARY.stream().map(Column::name).toList()))
                .append("\r\n");
        for (OpenDataRow row : rows(year)) {
            Long consultations = row.consultations();
            out.append(String.join(
                            ",",
                            List.of(
                                    Integer.toString(row.fiscalYear()),
                                    Downloads.cell(row.fiscalYearJa()),
                                    Downloads.cell(row.areaCode()),
                                    Downloads.cell(row.areaName()),
                                    row.areaLevel(),
                                    consultations == null ? "" : consultations.toString(),
                                    Boolean.toString(row.suppressed()))))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"consultations-by-area" + (year == null ? "" : "-" + yearOrAll(year))
                                + ".csv\"")
                .header(HttpHeaders.LINK, "<" + LICENSE + ">; rel=\"license\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/public/open-data/statistics/consultations-by-area.json")
    ResponseEntity<String> json(@RequestParam(name = "year", required = false) @Nullable String year) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", "地域別・年度別の相談件数 / Consultations by area and fiscal year");
        document.put("publisher", tenancy.municipalityName());
        document.put("license", LICENSE);
        document.put("licenseName", "CC BY 4.0");
        document.put("generated", java.time.LocalDate.now(Japan.ZONE).toString());
        document.put(
                "suppression",
                "Counts of 1 to 4 are suppressed (null, suppressed=true); households with a person under protection are"
                        + " not counted; no totals are published.");
        List<Map<String, String>> dictionary = new ArrayList<>();
        for (Column c : DICTIONARY) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("name", c.name());
            d.put("type", c.type());
            d.put("description_ja", c.descriptionJa());
            d.put("description_en", c.descriptionEn());
            dictionary.add(d);
        }
        document.put("dictionary", dictionary);
        List<Map<String, Object>> data = new ArrayList<>();
        for (OpenDataRow row : rows(year)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("fiscal_year", row.fiscalYear());
            d.put("fiscal_year_ja", row.fiscalYearJa());
            d.put("area_code", row.areaCode());
            d.put("area_name", row.areaName());
            d.put("area_level", row.areaLevel());
            d.put("consultations", row.consultations());
            d.put("suppressed", row.suppressed());
            data.add(d);
        }
        document.put("data", data);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.LINK, "<" + LICENSE + ">; rel=\"license\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .body(json.writeValueAsString(document));
    }

    /** One fiscal year if {@code year} names a published one, else every published year. */
    private List<OpenDataRow> rows(@Nullable String year) {
        List<Integer> years = statistics.openDataYears();
        List<OpenDataRow> rows = new ArrayList<>();
        for (Integer y : years) {
            if (year == null || year.isBlank() || year.strip().equals(y.toString())) {
                rows.addAll(statistics.openData(y));
            }
        }
        return rows;
    }

    private String yearOrAll(String year) {
        return statistics.openDataYears().stream()
                .map(Object::toString)
                .filter(y -> y.equals(year.strip()))
                .findFirst()
                .orElse("all");
    }
}
