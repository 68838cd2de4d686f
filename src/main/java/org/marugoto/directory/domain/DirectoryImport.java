package org.marugoto.directory.domain;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.directory.AgencyKind;
import org.marugoto.directory.AgencyView;
import org.marugoto.directory.CounterView;
import org.marugoto.directory.ServiceLanguage;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.RuleViolation;
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
 * Imports agencies, counters or services from a file (CSV or Excel; one kind a file), as the import of households and
 * persons does (decision 0031): {@link #preview} reads and checks every row and saves nothing; the checked rows wait in
 * memory for {@link #commit}, which creates them all in one transaction or none. The key is the code the file carries
 * (機関コード; 機関コード + 窓口コード; 機関コード + サービスコード), the same code an administrator types on the form:
 * a code already in the directory is left as it is, so the same file imported again changes nothing. System
 * administrators only, as for the directory's forms (decision 0036).
 */
@Service
public class DirectoryImport {

    /** What a file holds. */
    public enum Kind {
        AGENCIES(List.of(
                new Column("agency_code", "機関コード", true),
                new Column("name", "名称", true),
                new Column("name_kana", "名称カナ", false),
                new Column("kind", "種別", true),
                new Column("area_code", "地域コード", false),
                new Column("address", "住所", false),
                new Column("phone", "電話番号", false),
                new Column("email", "メールアドレス", false),
                new Column("description", "説明", false),
                new Column("accepts_referrals", "つなぎ受付", false))),
        COUNTERS(List.of(
                new Column("agency_code", "機関コード", true),
                new Column("counter_code", "窓口コード", true),
                new Column("name", "名称", true),
                new Column("area_code", "地域コード", false),
                new Column("address", "住所", false),
                new Column("phone", "電話番号", false),
                new Column("hours", "受付時間", false),
                new Column("languages", "対応言語", false),
                new Column("accessibility", "バリアフリー", false))),
        SERVICES(List.of(
                new Column("agency_code", "機関コード", true),
                new Column("service_code", "サービスコード", true),
                new Column("name", "名称", true),
                new Column("name_kana", "名称カナ", false),
                new Column("description", "説明", false),
                new Column("issue_codes", "課題コード", true),
                new Column("min_age", "対象年齢下限", false),
                new Column("max_age", "対象年齢上限", false),
                new Column("area_codes", "対象地域コード", false),
                new Column("languages", "対応言語", false),
                new Column("hours", "受付時間", false),
                new Column("fees", "費用", false),
                new Column("accessibility", "バリアフリー", false),
                new Column("phone", "電話番号", false),
                new Column("email", "メールアドレス", false),
                new Column("counter_codes", "窓口コード", false),
                new Column("accepts_referrals", "つなぎ受付", false)));

        private final List<Column> columns;

        Kind(List<Column> columns) {
            this.columns = columns;
        }

        public List<Column> columns() {
            return columns;
        }

        /** The kind in a path: agencies, counters, services. */
        public String path() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> ofPath(@Nullable String path) {
            return Arrays.stream(values()).filter(k -> k.path().equals(path)).findFirst();
        }
    }

    /** What a file would do, and its errors; the token names the checked rows waiting for the commit. */
    public record Preview(
            @Nullable UUID token,
            Kind kind,
            String filename,
            int rows,
            int created,
            int unchanged,
            List<RowError> errors) {

        public Preview {
            errors = List.copyOf(errors);
        }

        public boolean importable() {
            return token != null && errors.isEmpty() && created > 0;
        }
    }

    /** What an import did. */
    public record Result(UUID importId, Kind kind, int created, int unchanged) {}

    /** Thrown when the checked rows are gone (expired, another user's, already imported). */
    public static final class Expired extends RuntimeException {
        public Expired() {
            super("the checked rows of this import are no longer here");
        }
    }

    /** A checked row: the agency's code, the row's own code and what to create. */
    record Line(int line, String agencyCode, String code, Object command) {}

    record Staged(Kind kind, String filename, String sha256, List<Line> lines) {}

    static final int MAX_ROWS = 5000;
    static final int MAX_ERRORS = 200;
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]+$");
    private static final Pattern KANA = Pattern.compile("^[\\p{IsHiragana}\\p{IsKatakana}ー・\\s　]*$");
    private static final Pattern PHONE = Pattern.compile("^[0-9０-９()（）\\-－‐ ]*$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final DirectoryService directory;
    private final IssueCatalog issues;
    private final AreaApi areas;
    private final AuditApi audit;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final StagedRows<Staged> staged;

    DirectoryImport(
            DirectoryService directory,
            IssueCatalog issues,
            AreaApi areas,
            AuditApi audit,
            MessageSource messages,
            JdbcClient jdbc,
            Tenancy tenancy,
            Clock clock) {
        this.directory = directory;
        this.issues = issues;
        this.areas = areas;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.staged = new StagedRows<>(clock);
    }

    /** Whether a person may import agencies, counters and services: system administrators, as for the forms. */
    public static boolean mayImport(Actor actor) {
        return actor.roleNames().contains("SYSTEM_ADMIN");
    }

    private static Actor importer() {
        Actor actor = CurrentActor.get().orElseThrow(() -> new AccessDeniedException("import"));
        if (!mayImport(actor)) {
            throw new AccessDeniedException("import");
        }
        return actor;
    }

    /** Reads and checks a file; saves nothing (the checked rows wait in memory for {@link #commit}). */
    @Transactional(readOnly = true)
    public Preview preview(Kind kind, String filename, byte[] bytes) {
        Actor actor = importer();
        List<List<String>> table;
        try {
            table = TableFile.read(filename, bytes, MAX_ROWS);
        } catch (TableFile.Unreadable e) {
            return new Preview(
                    null, kind, filename, 0, 0, 0, List.of(new RowError(0, "", "import.error.unreadable", List.of())));
        }
        if (TableFile.withoutBlankRows(table).isEmpty()) {
            return new Preview(
                    null, kind, filename, 0, 0, 0, List.of(new RowError(0, "", "import.error.empty", List.of())));
        }
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> index = Headings.index(table.get(0), kind.columns(), errors);
        if (!errors.isEmpty()) {
            return new Preview(null, kind, filename, rowCount(table), 0, 0, errors);
        }
        Check check = new Check(kind);
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
            Map<String, String> v = Headings.values(row, kind.columns(), index);
            int before = errors.size();
            Line checked = check.row(line, v, errors);
            String key = checked == null ? "" : checked.agencyCode() + "/" + checked.code();
            if (checked != null && !keys.add(key)) {
                String column =
                        kind == Kind.AGENCIES ? "機関コード" : kind.columns().get(1).heading();
                errors.add(new RowError(line, column, "dirimport.error.duplicateKey", List.of(checked.code())));
            }
            if (checked != null && errors.size() == before) {
                lines.add(checked);
            }
            if (errors.size() > MAX_ERRORS) {
                break;
            }
        }
        int created = (int) lines.stream().filter(l -> !exists(kind, l)).count();
        UUID token = null;
        if (errors.isEmpty()) {
            token = staged.put(actor.username(), new Staged(kind, filename, sha256(bytes), List.copyOf(lines)));
        }
        List<RowError> shown = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
        return new Preview(token, kind, filename, rowCount(table), created, lines.size() - created, shown);
    }

    /**
     * Creates the rows checked under {@code token}, all or nothing; codes already in the directory are left as they
     * are. Audited once for the import (file, rows, created) and once for each record created.
     */
    @Transactional
    public Result commit(UUID token) {
        Actor actor = importer();
        Staged s = staged.get(token, actor.username()).orElseThrow(Expired::new);
        // serialise imports: two at once could both find a code missing
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("directory-import:" + tenancy.municipalityId())
                .query(rs -> {});
        UUID importId = Ids.newId();
        int created = 0;
        for (Line l : s.lines()) {
            if (exists(s.kind(), l)) {
                continue;
            }
            switch (s.kind()) {
                case AGENCIES -> {
                    AgencyView a = directory.ensureAgency((AgencyCommand) l.command());
                    audit.record(AuditEntry.of(AuditAction.CREATE, "agency", a.id()));
                }
                case COUNTERS -> {
                    CounterView c = directory.ensureCounter(agencyId(l), (CounterCommand) l.command());
                    audit.record(AuditEntry.of(AuditAction.CREATE, "counter", c.id()));
                }
                case SERVICES -> {
                    UUID id = directory
                            .ensureService(agencyId(l), (ServiceCommand) l.command())
                            .id();
                    audit.record(AuditEntry.of(AuditAction.CREATE, "service", id));
                }
            }
            created++;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("kind", s.kind().path());
        details.put("file", s.filename());
        details.put("sha256", s.sha256());
        details.put("rows", Integer.toString(s.lines().size()));
        details.put("created", Integer.toString(created));
        details.put("unchanged", Integer.toString(s.lines().size() - created));
        audit.record(new AuditEntry(
                AuditAction.CREATE, "import", importId, "import " + s.kind().path(), details));
        staged.remove(token);
        return new Result(importId, s.kind(), created, s.lines().size() - created);
    }

    /** For tests: whether checked rows wait under the token for the current user. */
    public boolean isStaged(UUID token) {
        return staged.get(token, CurrentActor.username()).isPresent();
    }

    private boolean exists(Kind kind, Line l) {
        Optional<AgencyView> agency = directory.agencyByCode(l.agencyCode());
        return switch (kind) {
            case AGENCIES -> agency.isPresent();
            case COUNTERS ->
                agency.isPresent()
                        && directory.counters(agency.get().id()).stream()
                                .anyMatch(c -> c.code().equals(l.code()));
            case SERVICES ->
                agency.isPresent()
                        && directory.services(agency.get().id()).stream()
                                .anyMatch(c -> c.code().equals(l.code()));
        };
    }

    private UUID agencyId(Line l) {
        return directory
                .agencyByCode(l.agencyCode())
                .orElseThrow(() -> new RuleViolation("agency_code", "dirimport.error.agencyMissing"))
                .id();
    }

    private static int rowCount(List<List<String>> table) {
        return TableFile.withoutBlankRows(table).size() - 1;
    }

    /** The checks of one file: what the directory, the areas and the issue list hold now. */
    private final class Check {

        private final Kind kind;
        private final Map<String, UUID> areaIds = new HashMap<>();
        private final Map<String, AgencyView> agencies;
        private final Map<String, AgencyKind> kinds = new HashMap<>();
        private final Map<String, ServiceLanguage> languages = new HashMap<>();
        private final Map<String, String> issueCodes = new HashMap<>();
        private final Map<UUID, Map<String, UUID>> countersByAgency = new HashMap<>();

        Check(Kind kind) {
            this.kind = kind;
            for (AreaView a : areas.tree()) {
                areaIds.put(a.code(), a.id());
            }
            agencies = directory.agencies().stream()
                    .collect(Collectors.toMap(AgencyView::code, Function.identity(), (a, b) -> a));
            for (AgencyKind k : AgencyKind.values()) {
                kinds.put(key(k.name()), k);
                for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
                    kinds.put(key(label("agency.kind." + k.name(), locale)), k);
                }
            }
            for (ServiceLanguage l : ServiceLanguage.values()) {
                languages.put(key(l.name()), l);
                for (Locale locale : List.of(Locale.JAPANESE, Locale.ENGLISH)) {
                    languages.put(key(label("language." + l.name(), locale)), l);
                }
            }
            for (IssueName i : issues.all()) {
                if (i.active()) {
                    issueCodes.put(key(i.code()), i.code());
                    issueCodes.put(key(i.nameJa()), i.code());
                }
            }
        }

        @Nullable
        Line row(int line, Map<String, String> v, List<RowError> errors) {
            int before = errors.size();
            for (Column c : kind.columns()) {
                if (c.required() && val(v, c.name()).isEmpty()) {
                    errors.add(new RowError(line, c.heading(), "import.error.required", List.of(c.heading())));
                }
            }
            String agencyCode = val(v, "agency_code");
            code(line, "機関コード", agencyCode, errors);
            String name = val(v, "name");
            length(line, "名称", name, 150, errors);
            String address = val(v, "address");
            length(line, "住所", address, 300, errors);
            String phone = val(v, "phone");
            if (length(line, "電話番号", phone, 40, errors) && !PHONE.matcher(phone).matches()) {
                errors.add(new RowError(line, "電話番号", "dirimport.error.phone", List.of(phone)));
            }
            UUID areaId = area(line, val(v, "area_code"), errors);
            switch (kind) {
                case AGENCIES -> {
                    String kana = kana(line, val(v, "name_kana"), errors);
                    String email = email(line, val(v, "email"), errors);
                    length(line, "説明", val(v, "description"), 2000, errors);
                    AgencyKind agencyKind = null;
                    if (!val(v, "kind").isEmpty()) {
                        agencyKind = kinds.get(key(val(v, "kind")));
                        if (agencyKind == null) {
                            errors.add(new RowError(line, "種別", "dirimport.error.kind", List.of(val(v, "kind"))));
                        }
                    }
                    Boolean referrals = yesNo(line, "つなぎ受付", val(v, "accepts_referrals"), errors);
                    if (errors.size() > before || agencyKind == null || referrals == null) {
                        return null;
                    }
                    return new Line(
                            line,
                            agencyCode,
                            agencyCode,
                            new AgencyCommand(
                                    agencyCode,
                                    name,
                                    blank(kana),
                                    agencyKind,
                                    areaId,
                                    blank(address),
                                    blank(phone),
                                    blank(email),
                                    blank(val(v, "description")),
                                    referrals,
                                    true));
                }
                case COUNTERS -> {
                    String code = val(v, "counter_code");
                    code(line, "窓口コード", code, errors);
                    agency(line, agencyCode, errors);
                    length(line, "受付時間", val(v, "hours"), 300, errors);
                    length(line, "対応言語", val(v, "languages"), 200, errors);
                    length(line, "バリアフリー", val(v, "accessibility"), 300, errors);
                    if (errors.size() > before) {
                        return null;
                    }
                    return new Line(
                            line,
                            agencyCode,
                            code,
                            new CounterCommand(
                                    code,
                                    name,
                                    areaId,
                                    blank(address),
                                    blank(phone),
                                    blank(val(v, "hours")),
                                    blank(val(v, "languages")),
                                    blank(val(v, "accessibility")),
                                    true));
                }
                case SERVICES -> {
                    String code = val(v, "service_code");
                    code(line, "サービスコード", code, errors);
                    AgencyView agency = agency(line, agencyCode, errors);
                    String kana = kana(line, val(v, "name_kana"), errors);
                    String email = email(line, val(v, "email"), errors);
                    length(line, "説明", val(v, "description"), 2000, errors);
                    for (String c : List.of("hours", "fees", "accessibility")) {
                        length(line, heading(c), val(v, c), 300, errors);
                    }
                    List<String> issueList = new ArrayList<>();
                    for (String item : items(val(v, "issue_codes"))) {
                        String found = issueCodes.get(key(item));
                        if (found == null) {
                            errors.add(new RowError(line, "課題コード", "dirimport.error.issue", List.of(item)));
                        } else if (!issueList.contains(found)) {
                            issueList.add(found);
                        }
                    }
                    Integer min = age(line, "対象年齢下限", val(v, "min_age"), errors);
                    Integer max = age(line, "対象年齢上限", val(v, "max_age"), errors);
                    if (min != null && max != null && min > max) {
                        errors.add(new RowError(line, "対象年齢上限", "dirimport.error.ageRange", List.of()));
                    }
                    List<UUID> serviceAreas = new ArrayList<>();
                    for (String item : items(val(v, "area_codes"))) {
                        UUID id = area(line, item, errors);
                        if (id != null && !serviceAreas.contains(id)) {
                            serviceAreas.add(id);
                        }
                    }
                    List<ServiceLanguage> serviceLanguages = new ArrayList<>();
                    for (String item : items(val(v, "languages"))) {
                        ServiceLanguage l = languages.get(key(item));
                        if (l == null) {
                            errors.add(new RowError(line, "対応言語", "dirimport.error.language", List.of(item)));
                        } else if (!serviceLanguages.contains(l)) {
                            serviceLanguages.add(l);
                        }
                    }
                    List<UUID> counterIds = new ArrayList<>();
                    if (agency != null) {
                        Map<String, UUID> own =
                                countersByAgency.computeIfAbsent(agency.id(), id -> directory.counters(id).stream()
                                        .collect(Collectors.toMap(CounterView::code, CounterView::id, (a, b) -> a)));
                        for (String item : items(val(v, "counter_codes"))) {
                            UUID id = own.get(item);
                            if (id == null) {
                                errors.add(new RowError(
                                        line, "窓口コード", "dirimport.error.counterMissing", List.of(item, agencyCode)));
                            } else if (!counterIds.contains(id)) {
                                counterIds.add(id);
                            }
                        }
                    }
                    Boolean referrals = yesNo(line, "つなぎ受付", val(v, "accepts_referrals"), errors);
                    if (errors.size() > before || referrals == null) {
                        return null;
                    }
                    return new Line(
                            line,
                            agencyCode,
                            code,
                            new ServiceCommand(
                                    code,
                                    name,
                                    blank(kana),
                                    blank(val(v, "description")),
                                    issueList,
                                    min,
                                    max,
                                    serviceAreas,
                                    serviceLanguages,
                                    blank(val(v, "hours")),
                                    blank(val(v, "fees")),
                                    blank(val(v, "accessibility")),
                                    blank(phone),
                                    blank(email),
                                    counterIds,
                                    referrals,
                                    true));
                }
            }
            return null;
        }

        private String heading(String column) {
            return kind.columns().stream()
                    .filter(c -> c.name().equals(column))
                    .findFirst()
                    .map(Column::heading)
                    .orElse(column);
        }

        private @Nullable AgencyView agency(int line, String code, List<RowError> errors) {
            if (code.isEmpty()) {
                return null;
            }
            AgencyView agency = agencies.get(code);
            if (agency == null) {
                errors.add(new RowError(line, "機関コード", "dirimport.error.agencyMissing", List.of(code)));
            }
            return agency;
        }

        private @Nullable UUID area(int line, String code, List<RowError> errors) {
            if (code.isEmpty()) {
                return null;
            }
            UUID id = areaIds.get(Normalizer.normalize(code, Normalizer.Form.NFKC));
            if (id == null) {
                errors.add(new RowError(line, "地域コード", "import.error.area", List.of(code)));
            }
            return id;
        }

        private String label(String code, Locale locale) {
            String label = messages.getMessage(code, null, code, locale);
            return label == null ? code : label;
        }
    }

    private static void code(int line, String column, String code, List<RowError> errors) {
        if (!code.isEmpty()
                && length(line, column, code, 40, errors)
                && !CODE.matcher(code).matches()) {
            errors.add(new RowError(line, column, "dirimport.error.code", List.of(code)));
        }
    }

    private static boolean length(int line, String column, String value, int max, List<RowError> errors) {
        if (value.length() > max) {
            errors.add(new RowError(line, column, "import.error.tooLong", List.of(max)));
            return false;
        }
        return true;
    }

    private static String kana(int line, String value, List<RowError> errors) {
        if (length(line, "名称カナ", value, 300, errors) && !KANA.matcher(value).matches()) {
            errors.add(new RowError(line, "名称カナ", "import.error.kana", List.of()));
        }
        return value;
    }

    private static String email(int line, String value, List<RowError> errors) {
        if (!value.isEmpty()
                && length(line, "メールアドレス", value, 200, errors)
                && !EMAIL.matcher(value).matches()) {
            errors.add(new RowError(line, "メールアドレス", "dirimport.error.email", List.of(value)));
        }
        return value;
    }

    private static @Nullable Integer age(int line, String column, String value, List<RowError> errors) {
        if (value.isEmpty()) {
            return null;
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFKC)
                .replace("歳", "")
                .strip();
        try {
            int age = Integer.parseInt(v);
            if (age >= 0 && age <= 130) {
                return age;
            }
        } catch (NumberFormatException e) {
            // the error below
        }
        errors.add(new RowError(line, column, "dirimport.error.age", List.of(value)));
        return null;
    }

    /** はい／いいえ (○／×, 1／0, yes／no); empty is yes. */
    private static @Nullable Boolean yesNo(int line, String column, String value, List<RowError> errors) {
        return Cells.yesNo(line, column, value, true, errors);
    }

    private static List<String> items(String value) {
        return Cells.items(value);
    }

    private static String key(String value) {
        return Cells.key(value);
    }

    private static String val(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null ? "" : value;
    }

    private static @Nullable String blank(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String sha256(byte[] bytes) {
        return Cells.sha256(bytes);
    }
}
