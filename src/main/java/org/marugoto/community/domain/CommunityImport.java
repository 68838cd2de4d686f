package org.marugoto.community.domain;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.table.Cells;
import org.marugoto.shared.table.Column;
import org.marugoto.shared.table.Headings;
import org.marugoto.shared.table.RowError;
import org.marugoto.shared.table.StagedRows;
import org.marugoto.shared.table.TableFile;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports places and activities (居場所 and other activities: one table, told apart by their kind) from a file (CSV or
 * Excel) as the directory import does (decision 0036): {@link #preview} checks every row and saves nothing; the checked
 * rows wait in memory for {@link #commit}, which creates them all through {@link CommunityService#create} (the checks
 * of the desk's form) in one transaction, or none. The key is the 活動番号 the file carries, kept in
 * {@code community_import_key}: a number imported before is left as it is. Reviewers only; an entry lands as the form
 * leaves it, waiting for review.
 */
@Service
public class CommunityImport {

    /** The columns of a file, in the order of the template. */
    public static final List<Column> COLUMNS = List.of(
            new Column("activity_no", "活動番号", true),
            new Column("group", "団体名", true),
            new Column("kind", "種類", true),
            new Column("name", "名称", true),
            new Column("name_kana", "名称かな", false),
            new Column("description", "説明", true),
            new Column("area_code", "地域コード", true),
            new Column("venue", "会場", true),
            new Column("address", "住所", true),
            new Column("targets", "対象", true),
            new Column("weekdays", "曜日", true),
            new Column("nth_weeks", "第何週", false),
            new Column("start_time", "開始時刻", true),
            new Column("end_time", "終了時刻", true),
            new Column("cost_yen", "参加費", false),
            new Column("capacity", "定員", false),
            new Column("volunteer", "ボランティア募集", false),
            new Column("contact_name", "連絡先の名前", false),
            new Column("contact_phone", "連絡先電話番号", false),
            new Column("contact_email", "連絡先メールアドレス", false));

    /** What a file would do, and its errors; the token names the checked rows waiting for the commit. */
    public record Preview(
            @Nullable UUID token, String filename, int rows, int created, int unchanged, List<RowError> errors) {

        public Preview {
            errors = List.copyOf(errors);
        }

        public boolean importable() {
            return token != null && errors.isEmpty() && created > 0;
        }
    }

    /** What an import did. */
    public record Result(UUID importId, int created, int unchanged) {}

    /** Thrown when the checked rows are gone (expired, another user's, already imported). */
    public static final class Expired extends RuntimeException {
        public Expired() {
            super("the checked rows of this import are no longer here");
        }
    }

    record Line(int line, String key, ActivityCommand command) {}

    record Staged(String filename, String sha256, List<Line> lines) {}

    static final int MAX_ROWS = 2000;
    static final int MAX_ERRORS = 200;
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]+$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final CommunityService community;
    private final AreaApi areas;
    private final AuditApi audit;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final StagedRows<Staged> staged;

    CommunityImport(
            CommunityService community,
            AreaApi areas,
            AuditApi audit,
            MessageSource messages,
            JdbcClient jdbc,
            Tenancy tenancy,
            Clock clock) {
        this.community = community;
        this.areas = areas;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.staged = new StagedRows<>(clock);
    }

    /** Reviewers import, as they are the ones who create and publish entries for every group. */
    public boolean mayImport(Actor actor) {
        return community.isReviewer(actor);
    }

    private Actor importer() {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("import"));
        if (!mayImport(actor)) {
            throw new AccessDeniedException("import");
        }
        return actor;
    }

    /** Reads and checks a file; saves nothing. */
    @Transactional(readOnly = true)
    public Preview preview(String filename, byte[] bytes) {
        Actor actor = importer();
        List<List<String>> table;
        try {
            table = TableFile.read(filename, bytes, MAX_ROWS);
        } catch (TableFile.Unreadable e) {
            return new Preview(
                    null, filename, 0, 0, 0, List.of(new RowError(0, "", "import.error.unreadable", List.of())));
        }
        if (TableFile.withoutBlankRows(table).isEmpty()) {
            return new Preview(null, filename, 0, 0, 0, List.of(new RowError(0, "", "import.error.empty", List.of())));
        }
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> index = Headings.index(table.get(0), COLUMNS, errors);
        int rows = TableFile.withoutBlankRows(table).size() - 1;
        if (!errors.isEmpty()) {
            return new Preview(null, filename, rows, 0, 0, errors);
        }
        Check check = new Check();
        List<Line> lines = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> row = table.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = r + 1;
            if (r > MAX_ROWS) {
                errors.add(new RowError(line, "", "dirimport.error.tooManyRows", List.of(MAX_ROWS)));
                break;
            }
            int before = errors.size();
            Line checked = check.row(line, Headings.values(row, COLUMNS, index), errors);
            if (checked != null && !keys.add(checked.key())) {
                errors.add(new RowError(line, "活動番号", "dirimport.error.duplicateKey", List.of(checked.key())));
            }
            if (checked != null && errors.size() == before) {
                lines.add(checked);
            }
            if (errors.size() > MAX_ERRORS) {
                break;
            }
        }
        int created = (int) lines.stream().filter(l -> !exists(l.key())).count();
        UUID token = null;
        if (errors.isEmpty()) {
            token = staged.put(actor.username(), new Staged(filename, Cells.sha256(bytes), List.copyOf(lines)));
        }
        List<RowError> shown = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
        return new Preview(token, filename, rows, created, lines.size() - created, shown);
    }

    /**
     * Creates the rows checked under {@code token}, all or nothing, each through the desk's own create (audited as a
     * creation there); numbers imported before are left as they are. The import itself is audited once.
     */
    @Transactional
    public Result commit(UUID token) {
        Actor actor = importer();
        Staged s = staged.get(token, actor.username()).orElseThrow(Expired::new);
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("community-import:" + tenancy.municipalityId())
                .query(rs -> {});
        UUID importId = Ids.newId();
        int created = 0;
        for (Line l : s.lines()) {
            if (exists(l.key())) {
                continue;
            }
            Activity a = community.create(l.command());
            jdbc.sql("""
                            insert into community_import_key (municipality_id, external_key, activity_id, created_at,
                                created_by)
                            values (?, ?, ?, ?, ?)
                            """)
                    .params(
                            tenancy.municipalityId(),
                            l.key(),
                            a.id(),
                            java.sql.Timestamp.from(clock.instant()),
                            actor.username())
                    .update();
            created++;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("kind", "activities");
        details.put("file", s.filename());
        details.put("sha256", s.sha256());
        details.put("rows", Integer.toString(s.lines().size()));
        details.put("created", Integer.toString(created));
        details.put("unchanged", Integer.toString(s.lines().size() - created));
        audit.record(new AuditEntry(AuditAction.CREATE, "import", importId, "import activities", details));
        staged.remove(token);
        return new Result(importId, created, s.lines().size() - created);
    }

    private boolean exists(String key) {
        return jdbc.sql("select count(*) from community_import_key where municipality_id = ? and external_key = ?")
                        .params(tenancy.municipalityId(), key)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The checks of one file against the groups and areas there are now. */
    private final class Check {
        private final Map<String, UUID> groups = new HashMap<>();
        private final Map<String, UUID> areaIds = new HashMap<>();
        private final Map<String, ActivityKind> kinds = new HashMap<>();
        private final Map<String, Target> targets = new HashMap<>();
        private final Map<String, DayOfWeek> days = new HashMap<>();

        Check() {
            for (Group g : community.groups()) {
                groups.put(Cells.key(g.name()), g.id());
            }
            for (AreaView a : areas.tree()) {
                areaIds.put(a.code(), a.id());
            }
            for (ActivityKind k : ActivityKind.values()) {
                labels(kinds, k, "community.kind." + k.name());
            }
            for (Target t : Target.values()) {
                labels(targets, t, "community.target." + t.name());
            }
            for (DayOfWeek d : DayOfWeek.values()) {
                labels(days, d, "community.weekday." + d.name());
                labels(days, d, "community.weekday.short." + d.name());
                days.put(Cells.key(d.name().substring(0, 3)), d);
                days.put(Cells.key(label("community.weekday.short." + d.name(), Locale.JAPANESE) + "曜日"), d);
            }
        }

        private <E> void labels(Map<String, E> map, E value, String code) {
            map.put(Cells.key(value.toString()), value);
            for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
                map.put(Cells.key(label(code, locale)), value);
            }
        }

        private String label(String code, Locale locale) {
            String label = messages.getMessage(code, null, code, locale);
            return label == null ? code : label;
        }

        @Nullable
        Line row(int line, Map<String, String> v, List<RowError> errors) {
            int before = errors.size();
            for (Column c : COLUMNS) {
                if (c.required() && val(v, c.name()).isEmpty()) {
                    errors.add(new RowError(line, c.heading(), "import.error.required", List.of(c.heading())));
                }
            }
            String key = val(v, "activity_no");
            if (!key.isEmpty()
                    && length(line, "活動番号", key, 40, errors)
                    && !KEY.matcher(key).matches()) {
                errors.add(new RowError(line, "活動番号", "dirimport.error.code", List.of(key)));
            }
            // the limits of the desk's form (ActivityForm)
            length(line, "名称", val(v, "name"), 200, errors);
            length(line, "名称かな", val(v, "name_kana"), 300, errors);
            length(line, "説明", val(v, "description"), 2000, errors);
            length(line, "会場", val(v, "venue"), 200, errors);
            length(line, "住所", val(v, "address"), 300, errors);
            length(line, "連絡先の名前", val(v, "contact_name"), 100, errors);
            length(line, "連絡先電話番号", val(v, "contact_phone"), 30, errors);
            String email = val(v, "contact_email");
            if (!email.isEmpty()
                    && length(line, "連絡先メールアドレス", email, 200, errors)
                    && !EMAIL.matcher(email).matches()) {
                errors.add(new RowError(line, "連絡先メールアドレス", "dirimport.error.email", List.of(email)));
            }
            UUID groupId = lookup(line, "団体名", val(v, "group"), groups, "comimport.error.group", errors);
            ActivityKind kind = lookup(line, "種類", val(v, "kind"), kinds, "comimport.error.kind", errors);
            UUID areaId = null;
            if (!val(v, "area_code").isEmpty()) {
                areaId = areaIds.get(Normalizer.normalize(val(v, "area_code"), Normalizer.Form.NFKC));
                if (areaId == null) {
                    errors.add(new RowError(line, "地域コード", "import.error.area", List.of(val(v, "area_code"))));
                }
            }
            Set<Target> targetSet = EnumSet.noneOf(Target.class);
            for (String item : Cells.items(val(v, "targets"))) {
                Target t = lookup(line, "対象", item, targets, "comimport.error.target", errors);
                if (t != null) {
                    targetSet.add(t);
                }
            }
            Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
            for (String item : Cells.items(val(v, "weekdays"))) {
                DayOfWeek d = lookup(line, "曜日", item, days, "comimport.error.weekday", errors);
                if (d != null) {
                    weekdays.add(d);
                }
            }
            List<Integer> weeks = new ArrayList<>();
            for (String item : Cells.items(val(v, "nth_weeks"))) {
                String w = Normalizer.normalize(item, Normalizer.Form.NFKC)
                        .replace("第", "")
                        .replace("週", "")
                        .strip();
                if (w.equals("最終") || w.equalsIgnoreCase("last")) {
                    weeks.add(Schedule.LAST);
                } else if (w.matches("[1-5]")) {
                    weeks.add(Integer.parseInt(w));
                } else {
                    errors.add(new RowError(line, "第何週", "comimport.error.week", List.of(item)));
                }
            }
            LocalTime start = time(line, "開始時刻", val(v, "start_time"), errors);
            LocalTime end = time(line, "終了時刻", val(v, "end_time"), errors);
            if (start != null && end != null && !start.isBefore(end)) {
                errors.add(new RowError(line, "終了時刻", "comimport.error.timeOrder", List.of()));
            }
            Integer cost = number(line, "参加費", val(v, "cost_yen"), errors);
            Integer capacity = number(line, "定員", val(v, "capacity"), errors);
            Boolean volunteer = Cells.yesNo(line, "ボランティア募集", val(v, "volunteer"), false, errors);
            if (errors.size() > before
                    || groupId == null
                    || kind == null
                    || areaId == null
                    || targetSet.isEmpty()
                    || weekdays.isEmpty()
                    || start == null
                    || end == null
                    || volunteer == null) {
                return null;
            }
            Schedule schedule = new Schedule(
                    weeks.isEmpty() ? ScheduleKind.WEEKLY : ScheduleKind.MONTHLY,
                    weekdays,
                    weeks,
                    start,
                    end,
                    new TreeSet<>(),
                    null);
            return new Line(
                    line,
                    key,
                    new ActivityCommand(
                            groupId,
                            kind,
                            volunteer,
                            val(v, "name"),
                            blank(val(v, "name_kana")),
                            val(v, "description"),
                            null,
                            areaId,
                            val(v, "venue"),
                            val(v, "address"),
                            null,
                            targetSet,
                            cost,
                            null,
                            capacity,
                            false,
                            false,
                            false,
                            Set.of(),
                            blank(val(v, "contact_name")),
                            blank(val(v, "contact_phone")),
                            blank(email),
                            schedule,
                            ActivityStatus.OPEN));
        }
    }

    private static <E> @Nullable E lookup(
            int line, String column, String value, Map<String, E> known, String code, List<RowError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        E found = known.get(Cells.key(value));
        if (found == null) {
            errors.add(new RowError(line, column, code, List.of(value)));
        }
        return found;
    }

    private static @Nullable LocalTime time(int line, String column, String value, List<RowError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        String t = Normalizer.normalize(value, Normalizer.Form.NFKC)
                .strip()
                .replace('時', ':')
                .replace("分", "");
        if (t.matches("\\d:.*")) {
            t = "0" + t;
        }
        if (t.endsWith(":")) {
            t = t + "00";
        }
        try {
            return LocalTime.parse(t.length() > 5 ? t.substring(0, 5) : t);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(line, column, "comimport.error.time", List.of(value)));
            return null;
        }
    }

    private static @Nullable Integer number(int line, String column, String value, List<RowError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        String n = Normalizer.normalize(value, Normalizer.Form.NFKC)
                .replace(",", "")
                .replace("円", "")
                .replace("人", "")
                .strip();
        if (n.matches("\\d{1,7}")) {
            return Integer.parseInt(n);
        }
        errors.add(new RowError(line, column, "comimport.error.number", List.of(value)));
        return null;
    }

    private static boolean length(int line, String column, String value, int max, List<RowError> errors) {
        if (value.length() > max) {
            errors.add(new RowError(line, column, "import.error.tooLong", List.of(max)));
            return false;
        }
        return true;
    }

    private static String val(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null ? "" : value.strip();
    }

    private static @Nullable String blank(String value) {
        return value.isEmpty() ? null : value;
    }
}
