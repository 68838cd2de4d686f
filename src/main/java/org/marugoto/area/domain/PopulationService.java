package org.marugoto.area.domain;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaView;
import org.marugoto.area.PopulationApi;
import org.marugoto.area.PopulationView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.table.TableFile;
import org.marugoto.shared.text.JapaneseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Population per area (decision 0021): an administrator imports a table of persons by age band per area and date, with
 * the area's single-elderly households, from CSV (UTF-8, with or without a byte order mark, or Shift_JIS) or .xlsx.
 * First a preview that checks every row and lists the errors by row and column, and what saving would do; nothing is
 * saved while any row has an error; saving is all or nothing, and a row that is already stored as it is is not written,
 * so the same file saved again changes nothing. Other modules read the figures through {@link PopulationApi}.
 */
@Service
public class PopulationService implements PopulationApi {

    /** The headings of the table, in order. */
    public static final List<String> COLUMNS = List.of("地域コード", "基準日", "年齢区分", "人口", "高齢単身世帯数");

    static final int MAX_ROWS = 5000;

    static final int ELDERLY_FROM = 65;

    private static final Pattern RANGE = Pattern.compile("(\\d{1,3})\\s*歳?\\s*[-~〜～ー−]\\s*(\\d{1,3})\\s*歳?");
    private static final Pattern OPEN = Pattern.compile("(\\d{1,3})\\s*歳?\\s*(?:\\+|以上)");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

    public enum Change {
        NEW,
        CHANGED,
        SAME
    }

    /** One problem of a row: its number in the file (the heading is row 1), the column, a message key. */
    public record RowError(int row, String column, String key, List<Object> arguments) {}

    /** One row as it would be saved. */
    public record RowPreview(
            int row,
            String areaCode,
            String areaName,
            LocalDate asOf,
            String ageBand,
            int persons,
            @Nullable Integer singleElderlyHouseholds,
            Change change) {}

    public record Preview(List<RowPreview> rows, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty() && !rows.isEmpty();
        }

        public long count(Change change) {
            return rows.stream().filter(r -> r.change() == change).count();
        }
    }

    /** One stored row. */
    record Band(
            UUID areaId,
            LocalDate asOf,
            String ageBand,
            int ageFrom,
            @Nullable Integer ageTo,
            int persons,
            @Nullable Integer singleElderlyHouseholds) {}

    private record Parsed(List<Band> bands, List<Integer> rows, List<RowError> errors) {}

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AreaService areas;
    private final AuditApi audit;
    private final Clock clock;

    PopulationService(JdbcClient jdbc, Tenancy tenancy, AreaService areas, AuditApi audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.areas = areas;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading the figures

    @Override
    public Optional<PopulationView> population(UUID areaId, LocalDate onOrBefore) {
        List<AreaView> tree = areas.tree();
        Set<UUID> own = Set.of(areaId);
        Optional<PopulationView> direct = figures(own, onOrBefore);
        if (direct.isPresent()) {
            return direct;
        }
        Set<UUID> children = new HashSet<>();
        for (AreaView a : tree) {
            if (areaId.equals(a.parentId())) {
                children.add(a.id());
            }
        }
        return children.isEmpty() ? Optional.empty() : sumOfLatest(children, onOrBefore);
    }

    @Override
    public Optional<PopulationView> city(LocalDate onOrBefore) {
        Set<UUID> top = new HashSet<>();
        for (AreaView a : areas.tree()) {
            if (a.parentId() == null) {
                top.add(a.id());
            }
        }
        return top.isEmpty() ? Optional.empty() : sumOfLatest(top, onOrBefore);
    }

    /** The areas' own tables added up on the latest date that any of them has (each on its own latest date up to it). */
    private Optional<PopulationView> sumOfLatest(Set<UUID> ids, LocalDate onOrBefore) {
        List<PopulationView> each = new ArrayList<>();
        for (UUID id : ids) {
            population(id, onOrBefore).ifPresent(each::add);
        }
        if (each.isEmpty()) {
            return Optional.empty();
        }
        LocalDate asOf = each.stream()
                .map(PopulationView::asOf)
                .max(LocalDate::compareTo)
                .orElseThrow();
        int persons = each.stream().mapToInt(PopulationView::persons).sum();
        int aged = each.stream().mapToInt(PopulationView::aged65AndOver).sum();
        boolean anySingle = each.stream().anyMatch(p -> p.singleElderlyHouseholds() != null);
        Integer single = anySingle
                ? each.stream()
                        .map(PopulationView::singleElderlyHouseholds)
                        .filter(Objects::nonNull)
                        .mapToInt(Integer::intValue)
                        .sum()
                : null;
        return Optional.of(new PopulationView(asOf, persons, aged, single));
    }

    private Optional<PopulationView> figures(Set<UUID> own, LocalDate onOrBefore) {
        UUID areaId = own.iterator().next();
        Optional<LocalDate> latest = jdbc.sql("""
                        select as_of from area_population
                         where municipality_id = :m and area_id = :a and as_of <= :d
                         order by as_of desc limit 1
                        """)
                .param("m", tenancy.municipalityId())
                .param("a", areaId)
                .param("d", Date.valueOf(onOrBefore))
                .query((rs, n) -> rs.getDate(1).toLocalDate())
                .optional();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        LocalDate asOf = latest.get();
        return jdbc.sql("""
                        select coalesce(sum(persons), 0) as persons,
                               coalesce(sum(persons) filter (where age_from >= :elderly), 0) as aged,
                               max(single_elderly_households) as single
                          from area_population
                         where municipality_id = :m and area_id = :a and as_of = :d
                        """)
                .param("m", tenancy.municipalityId())
                .param("a", areaId)
                .param("d", Date.valueOf(asOf))
                .param("elderly", ELDERLY_FROM)
                .query((rs, n) -> new PopulationView(
                        asOf, rs.getInt("persons"), rs.getInt("aged"), (Integer) rs.getObject("single")))
                .optional();
    }

    /** The dates the table has, newest first, with the number of areas on each (for the administrators' page). */
    public List<Map.Entry<LocalDate, Integer>> dates() {
        return jdbc.sql("""
                        select as_of, count(distinct area_id) as areas from area_population
                         where municipality_id = :m group by as_of order by as_of desc
                        """)
                .param("m", tenancy.municipalityId())
                .query((rs, n) -> Map.entry(rs.getDate("as_of").toLocalDate(), rs.getInt("areas")))
                .list();
    }

    // ---------------------------------------------------------------- import

    /** Checks the file and says what saving it would do; saves nothing. */
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    public Preview preview(String filename, byte[] content) {
        return check(filename, content);
    }

    /** Saves the file: refused with its errors when any row has one; otherwise every row, in one transaction. */
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Transactional
    public Preview save(String filename, byte[] content) {
        Preview preview = check(filename, content);
        if (!preview.ok()) {
            return preview;
        }
        Parsed parsed = parse(filename, content);
        for (int i = 0; i < parsed.bands().size(); i++) {
            if (preview.rows().get(i).change() != Change.SAME) {
                write(parsed.bands().get(i));
            }
        }
        audit.record(new AuditEntry(
                AuditAction.UPDATE,
                "area-population",
                null,
                null,
                Map.of(
                        "import", filename,
                        "new", "" + preview.count(Change.NEW),
                        "changed", "" + preview.count(Change.CHANGED))));
        return preview;
    }

    /**
     * Saves a table for the demo municipality, as an import would, without the administrator's check (the demo runs
     * before anyone signs in); a table with an error is not saved. Saving it again changes nothing.
     */
    @Transactional
    public Preview importDemo(byte[] csv) {
        Preview preview = check("demo.csv", csv);
        if (preview.ok()) {
            List<Band> bands = parse("demo.csv", csv).bands();
            for (int i = 0; i < bands.size(); i++) {
                if (preview.rows().get(i).change() != Change.SAME) {
                    write(bands.get(i));
                }
            }
        }
        return preview;
    }

    private Preview check(String filename, byte[] content) {
        Parsed parsed = parse(filename, content);
        Map<UUID, AreaView> byId = new HashMap<>();
        areas.tree().forEach(a -> byId.put(a.id(), a));
        List<RowPreview> rows = new ArrayList<>();
        for (int i = 0; i < parsed.bands().size(); i++) {
            Band b = parsed.bands().get(i);
            AreaView area = byId.get(b.areaId());
            Optional<Band> stored = stored(b);
            Change change = stored.isEmpty() ? Change.NEW : stored.get().equals(b) ? Change.SAME : Change.CHANGED;
            rows.add(new RowPreview(
                    parsed.rows().get(i),
                    area == null ? "" : area.code(),
                    area == null ? "" : area.name(),
                    b.asOf(),
                    b.ageBand(),
                    b.persons(),
                    b.singleElderlyHouseholds(),
                    change));
        }
        List<RowError> errors = new ArrayList<>(parsed.errors());
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "", "area.population.empty", List.of()));
        }
        return new Preview(rows, errors);
    }

    private Optional<Band> stored(Band b) {
        return jdbc.sql("""
                        select area_id, as_of, age_band, age_from, age_to, persons, single_elderly_households
                          from area_population
                         where municipality_id = :m and area_id = :a and as_of = :d and age_band = :b
                        """)
                .param("m", tenancy.municipalityId())
                .param("a", b.areaId())
                .param("d", Date.valueOf(b.asOf()))
                .param("b", b.ageBand())
                .query((rs, n) -> new Band(
                        rs.getObject("area_id", UUID.class),
                        rs.getDate("as_of").toLocalDate(),
                        rs.getString("age_band"),
                        rs.getInt("age_from"),
                        (Integer) rs.getObject("age_to"),
                        rs.getInt("persons"),
                        (Integer) rs.getObject("single_elderly_households")))
                .optional();
    }

    private void write(Band b) {
        jdbc.sql("""
                        insert into area_population (municipality_id, area_id, as_of, age_band, age_from, age_to,
                                                     persons, single_elderly_households, updated_at, updated_by)
                        values (:m, :a, :d, :b, :from, :to, :persons, :single, :now, :by)
                        on conflict (municipality_id, area_id, as_of, age_band) do update
                           set age_from = excluded.age_from, age_to = excluded.age_to, persons = excluded.persons,
                               single_elderly_households = excluded.single_elderly_households,
                               updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        """)
                .param("m", tenancy.municipalityId())
                .param("a", b.areaId())
                .param("d", Date.valueOf(b.asOf()))
                .param("b", b.ageBand())
                .param("from", b.ageFrom())
                .param("to", b.ageTo())
                .param("persons", b.persons())
                .param("single", b.singleElderlyHouseholds())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("by", CurrentActor.username())
                .update();
    }

    private Parsed parse(String filename, byte[] content) {
        List<RowError> errors = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        String lower = filename.toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(".csv") && !lower.endsWith(".txt") && !lower.endsWith(".xlsx")) {
            errors.add(new RowError(1, "", "area.population.format", List.of()));
            return new Parsed(new ArrayList<>(), new ArrayList<>(), errors);
        }
        try {
            table = TableFile.read(filename, content, MAX_ROWS);
        } catch (TableFile.Unreadable unreadable) {
            errors.add(new RowError(
                    1,
                    "",
                    "type".equals(unreadable.getMessage()) ? "area.population.format" : "area.population.unreadable",
                    List.of()));
        }
        List<Band> bands = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        if (!errors.isEmpty() || table.isEmpty()) {
            return new Parsed(bands, rows, errors);
        }
        List<String> header = table.get(0).stream()
                .map(h -> JapaneseText.normalize(h).strip())
                .toList();
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                errors.add(new RowError(1, column, "area.population.missingColumn", List.of(column)));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(bands, rows, errors);
        }
        Map<String, AreaView> byCode = new HashMap<>();
        areas.tree().forEach(a -> byCode.put(a.code(), a));
        Set<String> seen = new HashSet<>();
        Map<String, @Nullable Integer> singleByAreaDate = new HashMap<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> line = table.get(r);
            if (line.stream().allMatch(String::isBlank)) {
                continue;
            }
            int rowNumber = r + 1;
            if (r > MAX_ROWS) {
                errors.add(new RowError(rowNumber, "", "area.population.tooManyRows", List.of(MAX_ROWS)));
                break;
            }
            List<RowError> rowErrors = new ArrayList<>();
            String code = JapaneseText.normalize(cell(line, header, "地域コード")).strip();
            AreaView area = byCode.get(code);
            if (code.isEmpty()) {
                rowErrors.add(error(rowNumber, "地域コード", "area.population.required"));
            } else if (area == null) {
                rowErrors.add(error(rowNumber, "地域コード", "area.population.unknownArea", code));
            }
            String dateText = JapaneseText.normalize(cell(line, header, "基準日")).strip();
            LocalDate asOf = date(dateText);
            if (asOf == null) {
                rowErrors.add(error(rowNumber, "基準日", "area.population.date", dateText));
            }
            String bandText = JapaneseText.normalize(cell(line, header, "年齢区分")).strip();
            Integer from = null;
            Integer to = null;
            String band = null;
            Matcher range = RANGE.matcher(bandText);
            Matcher open = OPEN.matcher(bandText);
            if (range.matches()) {
                from = Integer.valueOf(range.group(1));
                to = Integer.valueOf(range.group(2));
                band = from + "-" + to;
            } else if (open.matches()) {
                from = Integer.valueOf(open.group(1));
                band = from + "+";
            }
            if (band == null || from == null || (to != null && to < from)) {
                rowErrors.add(error(rowNumber, "年齢区分", "area.population.badBand", bandText));
                band = null;
            } else if (from < ELDERLY_FROM && (to == null || to >= ELDERLY_FROM)) {
                rowErrors.add(error(rowNumber, "年齢区分", "area.population.bandAcross65", bandText));
                band = null;
            }
            String personsText = JapaneseText.normalize(cell(line, header, "人口"))
                    .replace(",", "")
                    .strip();
            Integer persons = count(personsText);
            if (persons == null) {
                rowErrors.add(error(rowNumber, "人口", "area.population.count", personsText));
            }
            String singleText = JapaneseText.normalize(cell(line, header, "高齢単身世帯数"))
                    .replace(",", "")
                    .strip();
            Integer single = singleText.isEmpty() ? null : count(singleText);
            if (!singleText.isEmpty() && single == null) {
                rowErrors.add(error(rowNumber, "高齢単身世帯数", "area.population.count", singleText));
            }
            if (area != null && asOf != null && band != null) {
                if (!seen.add(area.id() + "|" + asOf + "|" + band)) {
                    rowErrors.add(error(rowNumber, "年齢区分", "area.population.duplicate", code, asOf, band));
                }
                String key = area.id() + "|" + asOf;
                if (single != null) {
                    if (singleByAreaDate.containsKey(key)
                            && singleByAreaDate.get(key) != null
                            && !single.equals(singleByAreaDate.get(key))) {
                        rowErrors.add(error(rowNumber, "高齢単身世帯数", "area.population.singleDiffers", code, asOf));
                    } else {
                        singleByAreaDate.put(key, single);
                    }
                }
            }
            if (rowErrors.isEmpty()
                    && area != null
                    && asOf != null
                    && band != null
                    && from != null
                    && persons != null) {
                bands.add(new Band(area.id(), asOf, band, from, to, persons, single));
                rows.add(rowNumber);
            }
            errors.addAll(rowErrors);
        }
        // the single-elderly households are the area's on that date: every row of the area and date carries them
        List<Band> completed = new ArrayList<>();
        for (Band b : bands) {
            Integer single = singleByAreaDate.get(b.areaId() + "|" + b.asOf());
            completed.add(new Band(b.areaId(), b.asOf(), b.ageBand(), b.ageFrom(), b.ageTo(), b.persons(), single));
        }
        return new Parsed(completed, rows, errors);
    }

    private static RowError error(int row, String column, String key, Object... arguments) {
        return new RowError(row, column, key, List.of(arguments));
    }

    private static String cell(List<String> line, List<String> header, String column) {
        int i = header.indexOf(column);
        return i < 0 || i >= line.size() ? "" : line.get(i);
    }

    private static @Nullable Integer count(String text) {
        if (!text.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(text);
    }

    private static @Nullable LocalDate date(String text) {
        String t = text.replace('/', '-').replace('.', '-');
        int space = t.indexOf(' ');
        if (space > 0) {
            t = t.substring(0, space);
        }
        try {
            return LocalDate.parse(t, DATE);
        } catch (DateTimeParseException wrong) {
            return null;
        }
    }
}
