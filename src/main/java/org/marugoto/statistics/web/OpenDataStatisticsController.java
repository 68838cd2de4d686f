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
            new Column(
                    "fiscal_year",
                    "integer or empty",
                    "年度（西暦。4月から翌年3月まで）。地域の全年度の合計の行は空欄",
                    "Fiscal year (April to March), Western year; empty in an area's total over the years"),
            new Column(
                    "fiscal_year_ja",
                    "string",
                    "年度（和暦）。全年度の合計は「全年度」",
                    "Fiscal year in the Japanese era (全年度 for all years)"),
            new Column("area_code", "string", "地域のコード。年度の全地域の合計の行は空欄", "Code of the area; empty in a year's total"),
            new Column(
                    "area_name", "string", "地域の名前（全地域の合計は「全地域」）", "Name of the area (全地域 for the total of all areas)"),
            new Column(
                    "area_level",
                    "string",
                    "地域の単位（CITY 市、DAILY_LIFE_AREA 日常生活圏域、ELEMENTARY_DISTRICT 小学校区 など）",
                    "Level of the area (CITY, DAILY_LIFE_AREA, ELEMENTARY_DISTRICT…)"),
            new Column(
                    "consultations",
                    "integer or empty",
                    "その年度に受け付けた、この地域に住所のある世帯についての相談の件数。1〜4件と、それを合計などから計算できないよう合わせて秘匿した件数は空欄",
                    "Consultations received in the fiscal year about households registered in the area; empty when suppressed: 1 to 4, and the counts hidden with them so that they cannot be worked out from the totals"),
            new Column(
                    "suppressed",
                    "boolean",
                    "秘匿したとき true（1〜4件、またはその計算を防ぐための秘匿）",
                    "true when the count was suppressed (1 to 4, or hidden to protect another)"),
            new Column(
                    "row_type",
                    "string",
                    "行の種類：count（地域・年度の件数）、area_total（地域の全年度の合計）、year_total（年度の全地域の合計）、total（総計）",
                    "Kind of row: count (area and year), area_total (an area over all years), year_total (a year over all areas), total"));

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
            Integer fiscalYear = row.fiscalYear();
            out.append(String.join(
                            ",",
                            List.of(
                                    fiscalYear == null ? "" : Integer.toString(fiscalYear),
                                    Downloads.cell(row.fiscalYearJa()),
                                    Downloads.cell(row.areaCode()),
                                    Downloads.cell(row.areaName()),
                                    row.areaLevel(),
                                    consultations == null ? "" : consultations.toString(),
                                    Boolean.toString(row.suppressed()),
                                    row.rowType())))
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
                "Counts of 1 to 4 are suppressed (null, suppressed=true), and further counts are suppressed so that no"
                        + " suppressed count can be worked out from the totals or the other counts; households with a"
                        + " person under protection are not counted.");
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
            d.put("row_type", row.rowType());
            data.add(d);
        }
        document.put("data", data);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.LINK, "<" + LICENSE + ">; rel=\"license\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .body(json.writeValueAsString(document));
    }

    /**
     * One fiscal year (its counts and its total) if {@code year} names a published one, the whole table with every
     * total for no year, nothing for a year not published. Every file is cut from the one suppressed table.
     */
    private List<OpenDataRow> rows(@Nullable String year) {
        if (year == null || year.isBlank()) {
            return statistics.openData();
        }
        for (Integer y : statistics.openDataYears()) {
            if (year.strip().equals(y.toString())) {
                return statistics.openData(y);
            }
        }
        return List.of();
    }

    private String yearOrAll(String year) {
        return statistics.openDataYears().stream()
                .map(Object::toString)
                .filter(y -> y.equals(year.strip()))
                .findFirst()
                .orElse("all");
    }
}
