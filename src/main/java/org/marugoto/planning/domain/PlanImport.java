package org.marugoto.planning.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.marugoto.planning.domain.IndicatorService.Computation;
import org.marugoto.planning.domain.IndicatorService.Indicator;
import org.marugoto.planning.domain.IndicatorService.Source;
import org.marugoto.planning.domain.PlanService.HeadingKind;
import org.marugoto.planning.domain.PlanService.MeasureActor;
import org.marugoto.planning.domain.PlanService.MeasureDraft;
import org.marugoto.shared.RuleViolation;
import org.marugoto.shared.table.TableFile;
import org.marugoto.shared.text.JapaneseText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports measures and indicators from a CSV file (UTF-8 with or without a byte order mark, or Shift_JIS) or an Excel
 * workbook (.xlsx: a sheet of measures and/or a sheet of indicators, told apart by their headings). First a preview:
 * every row checked, with its errors by row and column, and what saving would do (new, changed, unchanged); nothing is
 * saved while any row has an error; saving is all or nothing, and the same file saved again changes nothing (a
 * measure's key is its number, an indicator's its code).
 */
@Service
public class PlanImport {

    /** The headings of a measures sheet, in order. */
    public static final List<String> MEASURE_COLUMNS =
            List.of("番号", "施策名", "内容", "施策の方向性", "テーマ", "サービス類型", "所管課", "実施主体", "重点施策");

    /** The headings of an indicators sheet, in order. */
    public static final List<String> INDICATOR_COLUMNS =
            List.of("指標番号", "指標名", "定義", "単位", "基準年度", "基準値", "算出", "所管課", "目標");

    static final int MAX_ROWS = 2000;

    public enum Change {
        NEW,
        CHANGED,
        SAME
    }

    /** One problem of a row: the row's number in the file (the heading is row 1), the column, a message key. */
    public record RowError(String sheet, int row, String column, String key, List<Object> arguments) {}

    /** One row as it would be saved. */
    public record RowPreview(String sheet, int row, String key, String name, Change change) {}

    public record Preview(List<RowPreview> rows, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty() && !rows.isEmpty();
        }

        public long count(Change change) {
            return rows.stream().filter(r -> r.change() == change).count();
        }
    }

    private record Parsed(
            List<MeasureDraft> measures,
            List<Indicator> indicators,
            List<RowError> errors,
            List<Integer> measureRows,
            List<Integer> indicatorRows) {}

    private final PlanService plans;
    private final IndicatorService indicators;
    private final PlanAccess access;
    private final AuditApi audit;

    PlanImport(PlanService plans, IndicatorService indicators, PlanAccess access, AuditApi audit) {
        this.plans = plans;
        this.indicators = indicators;
        this.access = access;
        this.audit = audit;
    }

    /** Checks the file and says what saving it would do; saves nothing. */
    public Preview preview(UUID planId, String filename, byte[] content) {
        access.requirePlanner();
        Parsed parsed = parse(planId, filename, content);
        List<RowPreview> rows = new ArrayList<>();
        for (int i = 0; i < parsed.measures().size(); i++) {
            MeasureDraft d = parsed.measures().get(i);
            rows.add(new RowPreview("measures", parsed.measureRows().get(i), d.number(), d.name(), change(planId, d)));
        }
        Map<String, Indicator> existing = new LinkedHashMap<>();
        indicators.indicators(planId).forEach(x -> existing.put(x.code(), x));
        for (int i = 0; i < parsed.indicators().size(); i++) {
            Indicator d = parsed.indicators().get(i);
            Indicator e = existing.get(d.code());
            Change change = e == null ? Change.NEW : same(e, d) ? Change.SAME : Change.CHANGED;
            rows.add(new RowPreview("indicators", parsed.indicatorRows().get(i), d.code(), d.name(), change));
        }
        List<RowError> errors = new ArrayList<>(parsed.errors());
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError("", 1, "", "planning.import.empty", List.of()));
        }
        return new Preview(rows, errors);
    }

    /** Saves the file: refused with its errors when any row has one; otherwise every row, in one transaction. */
    @Transactional
    public Preview save(UUID planId, String filename, byte[] content) {
        Preview preview = preview(planId, filename, content);
        if (!preview.ok()) {
            return preview;
        }
        Parsed parsed = parse(planId, filename, content);
        for (MeasureDraft d : parsed.measures()) {
            plans.saveMeasure(planId, d);
        }
        for (Indicator d : parsed.indicators()) {
            plans.saveIndicator(planId, d);
        }
        audit.record(new AuditEntry(
                AuditAction.UPDATE,
                "plan",
                planId,
                null,
                Map.of(
                        "import", filename,
                        "new", "" + preview.count(Change.NEW),
                        "changed", "" + preview.count(Change.CHANGED))));
        return preview;
    }

    private Change change(UUID planId, MeasureDraft d) {
        Optional<PlanService.Measure> existing = plans.measureByNumber(planId, d.number());
        if (existing.isEmpty()) {
            return Change.NEW;
        }
        PlanService.Measure e = existing.get();
        List<PlanService.Heading> headings = plans.headings(planId);
        Integer direction = headings.stream()
                .filter(h -> h.id().equals(e.directionId()))
                .map(PlanService.Heading::number)
                .findFirst()
                .orElse(null);
        boolean same = e.name().equals(d.name())
                && e.content().equals(d.content())
                && java.util.Objects.equals(direction, d.direction())
                && e.priority() == d.priority()
                && Set.copyOf(e.actors()).equals(Set.copyOf(d.actors()))
                && Set.copyOf(e.themes().stream()
                                .map(PlanService.Heading::number)
                                .toList())
                        .equals(Set.copyOf(d.themes()))
                && Set.copyOf(e.serviceTypes().stream()
                                .map(PlanService.Heading::number)
                                .toList())
                        .equals(Set.copyOf(d.serviceTypes()))
                && Set.copyOf(e.departments().stream()
                                .map(PlanService.Department::name)
                                .toList())
                        .equals(Set.copyOf(d.departments()));
        return same ? Change.SAME : Change.CHANGED;
    }

    private static boolean same(Indicator e, Indicator d) {
        return e.name().equals(d.name())
                && e.definition().equals(d.definition())
                && e.unit().equals(d.unit())
                && e.baselineYear() == d.baselineYear()
                && e.baselineValue().compareTo(d.baselineValue()) == 0
                && e.source() == d.source()
                && e.computation() == d.computation()
                && java.util.Objects.equals(e.departmentName(), d.departmentName())
                && e.targets().keySet().equals(d.targets().keySet())
                && e.targets().entrySet().stream()
                        .allMatch(t -> t.getValue().compareTo(d.targets().get(t.getKey())) == 0);
    }

    // ---------------------------------------------------------------- reading

    private Parsed parse(UUID planId, String filename, byte[] content) {
        List<List<List<String>>> tables = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        String lower = filename.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".csv") && !lower.endsWith(".txt") && !lower.endsWith(".xlsx")) {
            errors.add(new RowError("", 1, "", "planning.import.format", List.of()));
            return new Parsed(new ArrayList<>(), new ArrayList<>(), errors, new ArrayList<>(), new ArrayList<>());
        }
        try {
            tables.addAll(TableFile.sheets(filename, content, MAX_ROWS));
        } catch (TableFile.Unreadable unreadable) {
            errors.add(new RowError(
                    "",
                    1,
                    "",
                    "type".equals(unreadable.getMessage()) ? "planning.import.format" : "planning.import.unreadable",
                    List.of()));
        }
        List<MeasureDraft> measures = new ArrayList<>();
        List<Indicator> indicatorDrafts = new ArrayList<>();
        List<Integer> measureRows = new ArrayList<>();
        List<Integer> indicatorRows = new ArrayList<>();
        boolean recognised = false;
        for (List<List<String>> table : tables) {
            if (table.isEmpty()) {
                continue;
            }
            List<String> header = table.get(0).stream().map(String::strip).toList();
            if (header.contains("施策名")) {
                recognised = true;
                readMeasures(planId, table, header, measures, measureRows, errors);
            } else if (header.contains("指標名")) {
                recognised = true;
                readIndicators(table, header, indicatorDrafts, indicatorRows, errors);
            }
        }
        if (!recognised && errors.isEmpty()) {
            errors.add(new RowError("", 1, "", "planning.import.noHeader", List.of()));
        }
        return new Parsed(measures, indicatorDrafts, errors, measureRows, indicatorRows);
    }

    private void readMeasures(
            UUID planId,
            List<List<String>> table,
            List<String> header,
            List<MeasureDraft> out,
            List<Integer> rows,
            List<RowError> errors) {
        for (String column : MEASURE_COLUMNS) {
            if (!header.contains(column)) {
                errors.add(new RowError("measures", 1, column, "planning.import.missingColumn", List.of(column)));
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        Set<Integer> directions = numbers(planId, HeadingKind.DIRECTION);
        Set<Integer> themes = numbers(planId, HeadingKind.THEME);
        Set<Integer> types = numbers(planId, HeadingKind.SERVICE_TYPE);
        Set<String> seen = new HashSet<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> line = table.get(r);
            if (line.stream().allMatch(String::isBlank)) {
                continue;
            }
            int rowNumber = r + 1;
            if (r > MAX_ROWS) {
                errors.add(new RowError("measures", rowNumber, "", "planning.import.tooManyRows", List.of(MAX_ROWS)));
                break;
            }
            List<RowError> rowErrors = new ArrayList<>();
            String number = JapaneseText.normalize(cell(line, header, "番号")).strip();
            String name = cell(line, header, "施策名").strip();
            String content = cell(line, header, "内容").strip();
            if (number.isEmpty()) {
                rowErrors.add(error("measures", rowNumber, "番号", "planning.import.required"));
            } else if (number.length() > 20) {
                rowErrors.add(error("measures", rowNumber, "番号", "planning.import.tooLong", 20));
            } else if (!seen.add(number)) {
                rowErrors.add(error("measures", rowNumber, "番号", "planning.import.duplicate", number));
            }
            if (name.isEmpty()) {
                rowErrors.add(error("measures", rowNumber, "施策名", "planning.import.required"));
            } else if (name.length() > 200) {
                rowErrors.add(error("measures", rowNumber, "施策名", "planning.import.tooLong", 200));
            }
            if (content.length() > 2000) {
                rowErrors.add(error("measures", rowNumber, "内容", "planning.import.tooLong", 2000));
            }
            Integer direction = null;
            String directionText =
                    JapaneseText.normalize(cell(line, header, "施策の方向性")).strip();
            if (!directionText.isEmpty()) {
                List<Integer> d = list(directionText);
                if (d == null || d.size() != 1 || !directions.contains(d.get(0))) {
                    rowErrors.add(
                            error("measures", rowNumber, "施策の方向性", "planning.import.unknownHeading", directionText));
                } else {
                    direction = d.get(0);
                }
            }
            List<Integer> themeNumbers = headings(line, header, "テーマ", themes, rowNumber, rowErrors);
            List<Integer> typeNumbers = headings(line, header, "サービス類型", types, rowNumber, rowErrors);
            List<String> departments = split(cell(line, header, "所管課"));
            if (departments.isEmpty()) {
                rowErrors.add(error("measures", rowNumber, "所管課", "planning.import.required"));
            } else if (departments.stream().anyMatch(d -> d.length() > 100)) {
                rowErrors.add(error("measures", rowNumber, "所管課", "planning.import.tooLong", 100));
            }
            List<MeasureActor> actors = new ArrayList<>();
            for (String a : split(cell(line, header, "実施主体"))) {
                MeasureActor actor =
                        switch (a) {
                            case "地域", "共助" -> MeasureActor.COMMUNITY;
                            case "社協", "市社協" -> MeasureActor.SHAKYO;
                            case "市", "公助" -> MeasureActor.CITY;
                            default -> null;
                        };
                if (actor == null) {
                    rowErrors.add(error("measures", rowNumber, "実施主体", "planning.import.unknownActor", a));
                } else if (!actors.contains(actor)) {
                    actors.add(actor);
                }
            }
            String priorityText =
                    JapaneseText.normalize(cell(line, header, "重点施策")).strip();
            Boolean priority =
                    switch (priorityText) {
                        case "", "0", "×", "-", "いいえ", "false" -> false;
                        case "○", "〇", "◯", "1", "はい", "true", "重点" -> true;
                        default -> null;
                    };
            if (priority == null) {
                rowErrors.add(error("measures", rowNumber, "重点施策", "planning.import.flag", priorityText));
            }
            if (rowErrors.isEmpty()) {
                out.add(new MeasureDraft(
                        number,
                        name,
                        content,
                        direction,
                        themeNumbers,
                        typeNumbers,
                        departments,
                        actors,
                        Boolean.TRUE.equals(priority)));
                rows.add(rowNumber);
            }
            errors.addAll(rowErrors);
        }
    }

    private void readIndicators(
            List<List<String>> table,
            List<String> header,
            List<Indicator> out,
            List<Integer> rows,
            List<RowError> errors) {
        for (String column : INDICATOR_COLUMNS) {
            if (!header.contains(column)) {
                errors.add(new RowError("indicators", 1, column, "planning.import.missingColumn", List.of(column)));
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> line = table.get(r);
            if (line.stream().allMatch(String::isBlank)) {
                continue;
            }
            int rowNumber = r + 1;
            if (r > MAX_ROWS) {
                errors.add(new RowError("indicators", rowNumber, "", "planning.import.tooManyRows", List.of(MAX_ROWS)));
                break;
            }
            List<RowError> rowErrors = new ArrayList<>();
            String code = JapaneseText.normalize(cell(line, header, "指標番号")).strip();
            String name = cell(line, header, "指標名").strip();
            String definition = cell(line, header, "定義").strip();
            String unit = cell(line, header, "単位").strip();
            if (code.isEmpty()) {
                rowErrors.add(error("indicators", rowNumber, "指標番号", "planning.import.required"));
            } else if (code.length() > 20) {
                rowErrors.add(error("indicators", rowNumber, "指標番号", "planning.import.tooLong", 20));
            } else if (!seen.add(code)) {
                rowErrors.add(error("indicators", rowNumber, "指標番号", "planning.import.duplicate", code));
            }
            if (name.isEmpty()) {
                rowErrors.add(error("indicators", rowNumber, "指標名", "planning.import.required"));
            } else if (name.length() > 200) {
                rowErrors.add(error("indicators", rowNumber, "指標名", "planning.import.tooLong", 200));
            }
            if (definition.length() > 1000) {
                rowErrors.add(error("indicators", rowNumber, "定義", "planning.import.tooLong", 1000));
            }
            if (unit.isEmpty()) {
                rowErrors.add(error("indicators", rowNumber, "単位", "planning.import.required"));
            } else if (unit.length() > 20) {
                rowErrors.add(error("indicators", rowNumber, "単位", "planning.import.tooLong", 20));
            }
            Integer baselineYear = year(cell(line, header, "基準年度"));
            if (baselineYear == null) {
                rowErrors.add(
                        error("indicators", rowNumber, "基準年度", "planning.import.year", cell(line, header, "基準年度")));
            }
            BigDecimal baseline = decimal(cell(line, header, "基準値"));
            if (baseline == null) {
                rowErrors.add(
                        error("indicators", rowNumber, "基準値", "planning.import.number", cell(line, header, "基準値")));
            }
            String how = JapaneseText.normalize(cell(line, header, "算出")).strip();
            Source source = Source.ENTERED;
            Computation computation = null;
            if (!how.isEmpty() && !how.equals("入力")) {
                try {
                    computation = Computation.valueOf(how.toUpperCase(Locale.ROOT));
                    source = Source.COMPUTED;
                } catch (IllegalArgumentException unknown) {
                    rowErrors.add(error("indicators", rowNumber, "算出", "planning.import.computation", how));
                }
            }
            String department = cell(line, header, "所管課").strip();
            if (department.length() > 100) {
                rowErrors.add(error("indicators", rowNumber, "所管課", "planning.import.tooLong", 100));
            }
            Map<Integer, BigDecimal> targets = new LinkedHashMap<>();
            String targetText = JapaneseText.normalize(cell(line, header, "目標")).strip();
            for (String part : targetText.isEmpty() ? new String[0] : targetText.split("[;；、,]")) {
                String[] yearValue = part.strip().split("[:：=]");
                Integer y = yearValue.length == 2 ? year(yearValue[0]) : null;
                BigDecimal v = yearValue.length == 2 ? decimal(yearValue[1]) : null;
                if (y == null || v == null) {
                    rowErrors.add(error("indicators", rowNumber, "目標", "planning.import.target", part.strip()));
                } else {
                    targets.put(y, v);
                }
            }
            if (rowErrors.isEmpty() && baselineYear != null && baseline != null) {
                out.add(new Indicator(
                        null,
                        code,
                        name,
                        definition,
                        unit,
                        baselineYear,
                        baseline,
                        source,
                        computation,
                        null,
                        department.isEmpty() ? null : department,
                        targets));
                rows.add(rowNumber);
            }
            errors.addAll(rowErrors);
        }
    }

    private List<Integer> headings(
            List<String> line, List<String> header, String column, Set<Integer> known, int row, List<RowError> errors) {
        String text = JapaneseText.normalize(cell(line, header, column)).strip();
        List<Integer> numbers = list(text);
        if (numbers == null || numbers.stream().anyMatch(n -> !known.contains(n))) {
            errors.add(error("measures", row, column, "planning.import.unknownHeading", text));
            return List.of();
        }
        return numbers;
    }

    private Set<Integer> numbers(UUID planId, HeadingKind kind) {
        Set<Integer> numbers = new HashSet<>();
        plans.headings(planId, kind).forEach(h -> numbers.add(h.number()));
        return numbers;
    }

    private static RowError error(String sheet, int row, String column, String key, Object... arguments) {
        return new RowError(sheet, row, column, key, List.of(arguments));
    }

    private static String cell(List<String> line, List<String> header, String column) {
        int i = header.indexOf(column);
        return i < 0 || i >= line.size() ? "" : line.get(i);
    }

    /** Numbers separated by 、 , ・ or spaces; null when one is not a number. */
    private static @Nullable List<Integer> list(String text) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : text.split("[、,・\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                numbers.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return numbers;
    }

    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("[、,，・/／]")) {
            String p = part.strip();
            if (!p.isEmpty() && !parts.contains(p)) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static @Nullable Integer year(String text) {
        String t = JapaneseText.normalize(text).strip().replace("年度", "");
        try {
            int year = Integer.parseInt(t);
            return year >= 1990 && year <= 2100 ? year : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static @Nullable BigDecimal decimal(String text) {
        String t = JapaneseText.normalize(text).strip().replace(",", "");
        try {
            BigDecimal value = new BigDecimal(t);
            return value.signum() < 0 || value.compareTo(new BigDecimal("999999999999")) > 0 ? null : value;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** A measures sheet with the plan's current measures (the import format), for download and as a template. */
    public List<List<String>> measuresSheet(UUID planId) {
        List<PlanService.Heading> headings = plans.headings(planId);
        List<List<String>> table = new ArrayList<>();
        table.add(MEASURE_COLUMNS);
        for (PlanService.Measure m : plans.search(new PlanService.Criteria(planId, null, null, null, null, false))) {
            String direction = headings.stream()
                    .filter(h -> h.id().equals(m.directionId()))
                    .map(h -> "" + h.number())
                    .findFirst()
                    .orElse("");
            table.add(List.of(
                    m.number(),
                    m.name(),
                    m.content(),
                    direction,
                    String.join(
                            "、", m.themes().stream().map(h -> "" + h.number()).toList()),
                    String.join(
                            "、",
                            m.serviceTypes().stream().map(h -> "" + h.number()).toList()),
                    String.join(
                            "、",
                            m.departments().stream()
                                    .map(PlanService.Department::name)
                                    .toList()),
                    String.join(
                            "、", m.actors().stream().map(PlanImport::actorName).toList()),
                    m.priority() ? "○" : ""));
        }
        return table;
    }

    static String actorName(MeasureActor actor) {
        return switch (actor) {
            case COMMUNITY -> "地域";
            case SHAKYO -> "社協";
            case CITY -> "市";
        };
    }

    /** Only for the message of a violation that a row's check did not catch. */
    static RuleViolation invalid(String key) {
        return new RuleViolation(null, key);
    }
}
