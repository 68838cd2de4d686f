package org.marugoto.imports.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.marugoto.area.AreaApi;
import org.marugoto.area.AreaView;
import org.marugoto.audit.AuditAction;
import org.marugoto.audit.AuditApi;
import org.marugoto.audit.AuditEntry;
import org.marugoto.people.BulkMember;
import org.marugoto.people.BulkRegistered;
import org.marugoto.people.BulkRegistrationApi;
import org.marugoto.people.PersonCommand;
import org.marugoto.people.Relationship;
import org.marugoto.people.Sex;
import org.marugoto.shared.Actor;
import org.marugoto.shared.CurrentActor;
import org.marugoto.shared.Ids;
import org.marugoto.shared.Tenancy;
import org.marugoto.shared.table.TableFile;
import org.marugoto.shared.text.DateParse;
import org.marugoto.shared.text.JapaneseDates;
import org.marugoto.shared.text.PhoneNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports households and persons from a file (a legacy system's export or a 住民基本台帳 extract). {@link #preview}
 * reads and checks every row and saves nothing: it answers what would be created, what is already imported (by the
 * file's keys) and every row's errors; the checked rows wait in memory for {@link #commit}, which imports them all in
 * one transaction (all or nothing) through the people module's bulk registration ({@link BulkRegistrationApi}: the
 * same checks, normalised keys and linkage as a typed person, in batches; decision 0035). A key already imported is left as it is: the same file imported twice changes nothing.
 * Municipal coordinators only: the records belong to their agency, as when they register a person.
 */
@Service
public class PersonImport {

    /** The columns, by their Japanese heading (English headings are accepted too); * = required. */
    public static final List<Column> COLUMNS = List.of(
            new Column("household_key", "世帯番号", true),
            new Column("person_key", "宛名番号", true),
            new Column("family_name", "氏", true),
            new Column("given_name", "名", false),
            // real intake data may come without a reading: stored as 読み未登録 (decision 0038)
            new Column("family_name_kana", "氏カナ", false),
            new Column("given_name_kana", "名カナ", false),
            new Column("sex", "性別", true),
            new Column("birth_date", "生年月日", false),
            new Column("relationship", "続柄", false),
            new Column("address", "住所", false),
            new Column("area_code", "地域コード", false),
            new Column("phone", "電話番号", false));

    /** A column of the file. */
    public record Column(String name, String heading, boolean required) {}

    /** One error of one row (line = the line in the file, the headings being line 1), as a message code and its args. */
    public record RowError(int line, String column, String code, List<Object> args) {}

    /** What a file would do, and its errors; the token names the checked rows waiting for the commit. */
    public record Preview(
            @Nullable UUID token,
            String filename,
            int rows,
            int newPersons,
            int newHouseholds,
            int unchanged,
            List<RowError> errors) {

        public boolean importable() {
            return token != null && errors.isEmpty() && newPersons > 0;
        }
    }

    /** What an import did. */
    public record Result(UUID importId, int created, int households, int unchanged) {}

    /** Thrown when the checked rows are gone (expired, another user's, already imported). */
    public static final class Expired extends RuntimeException {
        public Expired() {
            super("the checked rows of this import are no longer here");
        }
    }

    /** The checked rows of a file, kept in memory (never on disk) until imported or expired. */
    record Staged(String username, String filename, String sha256, List<Line> lines, Instant expires) {}

    /** A checked row. */
    record Line(int line, String householdKey, String personKey, PersonCommand person, Relationship relationship) {}

    static final Duration KEEP = Duration.ofMinutes(30);
    static final int MAX_ERRORS = 200;
    static final int MAX_STAGED = 20;

    private final Map<UUID, Staged> staged = new ConcurrentHashMap<>();
    private final BulkRegistrationApi bulk;
    private final AreaApi areas;
    private final AuditApi audit;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    PersonImport(
            BulkRegistrationApi bulk, AreaApi areas, AuditApi audit, JdbcClient jdbc, Tenancy tenancy, Clock clock) {
        this.bulk = bulk;
        this.areas = areas;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** Whether a person may import households and persons: municipal coordinators. */
    public static boolean mayImport(Actor actor) {
        return actor.roleNames().contains("MUNICIPAL_COORDINATOR");
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
    public Preview preview(String filename, byte[] bytes) {
        Actor actor = importer();
        List<RowError> errors = new ArrayList<>();
        List<List<String>> table;
        try {
            table = TableFile.read(filename, bytes);
        } catch (TableFile.Unreadable e) {
            return new Preview(
                    null, filename, 0, 0, 0, 0, List.of(new RowError(0, "", "import.error.unreadable", List.of())));
        }
        if (table.isEmpty()) {
            return new Preview(
                    null, filename, 0, 0, 0, 0, List.of(new RowError(0, "", "import.error.empty", List.of())));
        }
        Map<String, Integer> index = headings(table.get(0), errors);
        if (!errors.isEmpty()) {
            return new Preview(null, filename, table.size() - 1, 0, 0, 0, errors);
        }
        Map<String, UUID> areaIds = new HashMap<>();
        for (AreaView a : areas.tree()) {
            areaIds.put(a.code(), a.id());
        }
        LocalDate today = LocalDate.now(clock.withZone(org.marugoto.shared.Japan.ZONE));
        List<Line> lines = new ArrayList<>();
        Set<String> personKeys = new HashSet<>();
        Map<String, String> householdAddress = new HashMap<>();
        for (int r = 1; r < table.size(); r++) {
            int line = r + 1;
            List<String> row = table.get(r);
            int before = errors.size();
            Map<String, String> v = new HashMap<>();
            for (Column c : COLUMNS) {
                Integer at = index.get(c.name());
                String value = at == null || at >= row.size() ? "" : row.get(at).strip();
                v.put(c.name(), value);
                if (c.required() && value.isEmpty()) {
                    errors.add(new RowError(line, c.heading(), "import.error.required", List.of(c.heading())));
                }
            }
            String personKey = val(v, "person_key");
            String householdKey = val(v, "household_key");
            if (personKey.length() > 100 || householdKey.length() > 100) {
                errors.add(new RowError(line, "宛名番号", "import.error.tooLong", List.of(100)));
            }
            if (!personKey.isEmpty() && !personKeys.add(personKey)) {
                errors.add(new RowError(line, "宛名番号", "import.error.duplicateKey", List.of(personKey)));
            }
            Sex sex = sex(val(v, "sex"));
            if (sex == null && !val(v, "sex").isEmpty()) {
                errors.add(new RowError(line, "性別", "import.error.sex", List.of(val(v, "sex"))));
            }
            LocalDate birth = null;
            if (!val(v, "birth_date").isEmpty()) {
                DateParse parsed = JapaneseDates.parse(val(v, "birth_date"));
                if (parsed instanceof DateParse.Parsed p && !p.date().isAfter(today)) {
                    birth = p.date();
                } else {
                    errors.add(new RowError(line, "生年月日", "import.error.date", List.of(val(v, "birth_date"))));
                }
            }
            Relationship relationship = relationship(val(v, "relationship"));
            if (relationship == null) {
                errors.add(new RowError(line, "続柄", "import.error.relationship", List.of(val(v, "relationship"))));
            }
            UUID areaId = null;
            if (!val(v, "area_code").isEmpty()) {
                areaId = areaIds.get(val(v, "area_code"));
                if (areaId == null) {
                    errors.add(new RowError(line, "地域コード", "import.error.area", List.of(val(v, "area_code"))));
                }
            }
            if (!val(v, "phone").isEmpty()
                    && PhoneNumbers.normalize(val(v, "phone")).isEmpty()) {
                errors.add(new RowError(line, "電話番号", "import.error.phone", List.of(val(v, "phone"))));
            }
            if (!val(v, "family_name_kana").isEmpty() && !kana(val(v, "family_name_kana") + val(v, "given_name_kana"))
                    || val(v, "family_name_kana").isEmpty()
                            && !val(v, "given_name_kana").isEmpty()) {
                errors.add(new RowError(line, "氏カナ", "import.error.kana", List.of()));
            }
            for (String c :
                    List.of("family_name", "given_name", "family_name_kana", "given_name_kana", "address", "phone")) {
                if (val(v, c).length() > 100 && !c.equals("address")
                        || val(v, c).length() > 300) {
                    errors.add(new RowError(
                            line, heading(c), "import.error.tooLong", List.of(c.equals("address") ? 300 : 100)));
                }
            }
            if (errors.size() == before && sex != null && relationship != null) {
                householdAddress.putIfAbsent(householdKey, val(v, "address"));
                lines.add(new Line(
                        line,
                        householdKey,
                        personKey,
                        new PersonCommand(
                                val(v, "family_name"),
                                blank(val(v, "given_name")),
                                val(v, "family_name_kana"),
                                blank(val(v, "given_name_kana")),
                                null,
                                sex,
                                birth,
                                blank(val(v, "address")),
                                areaId,
                                null,
                                blank(val(v, "phone")),
                                null,
                                null,
                                null,
                                null),
                        relationship));
            }
            if (errors.size() > MAX_ERRORS) {
                break;
            }
        }
        Set<String> knownPersons = known("PERSON", personKeys);
        Set<String> households = new HashSet<>();
        lines.forEach(l -> households.add(l.householdKey()));
        Set<String> knownHouseholds = known("HOUSEHOLD", households);
        int newPersons = (int) lines.stream()
                .filter(l -> !knownPersons.contains(l.personKey()))
                .count();
        int newHouseholds = (int) lines.stream()
                .filter(l -> !knownPersons.contains(l.personKey()))
                .map(Line::householdKey)
                .filter(h -> !knownHouseholds.contains(h))
                .distinct()
                .count();
        int unchanged = lines.size() - newPersons;
        UUID token = null;
        if (errors.isEmpty()) {
            token = UUID.randomUUID();
            evict();
            staged.put(
                    token,
                    new Staged(
                            actor.username(),
                            filename,
                            sha256(bytes),
                            List.copyOf(lines),
                            clock.instant().plus(KEEP)));
        }
        List<RowError> shown = errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors;
        return new Preview(token, filename, table.size() - 1, newPersons, newHouseholds, unchanged, List.copyOf(shown));
    }

    /**
     * Imports the rows checked under {@code token}, all or nothing: the persons whose key is not imported yet are
     * registered (a new household for a household key not seen before, else as a member of it); keys already imported
     * are left as they are. Audited once, for the import (file, SHA-256, rows, created): the persons and households it
     * created are found from that row through their imported_record keys ({@link ImportedRecords}).
     */
    @Transactional
    public Result commit(UUID token) {
        Actor actor = importer();
        Staged s = staged.get(token);
        if (s == null || !s.username().equals(actor.username()) || s.expires().isBefore(clock.instant())) {
            throw new Expired();
        }
        UUID importId = Ids.newId();
        Set<String> personKeys = new HashSet<>();
        Set<String> householdKeys = new HashSet<>();
        s.lines().forEach(l -> {
            personKeys.add(l.personKey());
            householdKeys.add(l.householdKey());
        });
        // serialise imports: two at once could both find a key missing
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("person-import:" + tenancy.municipalityId())
                .query(rs -> {});
        Set<String> knownPersons = known("PERSON", personKeys);
        Map<String, UUID> householdIds = keyed("HOUSEHOLD", householdKeys);
        List<BulkMember> members = new ArrayList<>();
        List<Line> created = new ArrayList<>();
        Set<String> newHouseholdKeys = new java.util.LinkedHashSet<>();
        for (Line l : s.lines()) {
            if (knownPersons.contains(l.personKey())) {
                continue;
            }
            UUID household = householdIds.get(l.householdKey());
            if (household == null) {
                newHouseholdKeys.add(l.householdKey());
            }
            members.add(new BulkMember(l.householdKey(), household, l.person(), l.relationship()));
            created.add(l);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("file", s.filename());
        details.put("sha256", s.sha256());
        details.put("rows", Integer.toString(s.lines().size()));
        details.put("created", Integer.toString(created.size()));
        details.put("households", Integer.toString(newHouseholdKeys.size()));
        details.put("unchanged", Integer.toString(s.lines().size() - created.size()));
        // one audit row for the import (decision 0035): the persons it created are found from it by imported_record
        BulkRegistered registered = created.isEmpty()
                ? new BulkRegistered(List.of(), Map.of(), 0)
                : bulk.registerAll(
                        members, new AuditEntry(AuditAction.CREATE, "import", importId, "import persons", details));
        Timestamp now = Timestamp.from(clock.instant());
        // the keys of the households and persons created, one statement per 10,000
        int n = newHouseholdKeys.size() + created.size();
        String[] kinds = new String[n];
        String[] externalKeys = new String[n];
        UUID[] recordIds = new UUID[n];
        int k = 0;
        for (String h : newHouseholdKeys) {
            kinds[k] = "HOUSEHOLD";
            externalKeys[k] = h;
            recordIds[k++] =
                    java.util.Objects.requireNonNull(registered.newHouseholds().get(h));
        }
        for (int i = 0; i < created.size(); i++) {
            kinds[k] = "PERSON";
            externalKeys[k] = created.get(i).personKey();
            recordIds[k++] = registered.personIds().get(i);
        }
        for (int from = 0; from < n; from += 10_000) {
            int to = Math.min(n, from + 10_000);
            jdbc.sql("""
                            insert into imported_record (municipality_id, kind, external_key, record_id, import_id,
                                created_at, created_by)
                            select :m, x.kind, x.external_key, x.record_id, :import, :now, :by
                            from unnest(cast(:kinds as text[]), cast(:keys as text[]), cast(:records as uuid[]))
                                as x(kind, external_key, record_id)
                            """)
                    .param("m", tenancy.municipalityId())
                    .param("import", importId)
                    .param("now", now)
                    .param("by", actor.username())
                    .param("kinds", java.util.Arrays.copyOfRange(kinds, from, to))
                    .param("keys", java.util.Arrays.copyOfRange(externalKeys, from, to))
                    .param("records", java.util.Arrays.copyOfRange(recordIds, from, to))
                    .update();
        }
        if (created.isEmpty()) {
            audit.record(new AuditEntry(AuditAction.CREATE, "import", importId, "import persons", details));
        }
        staged.remove(token);
        return new Result(
                importId, created.size(), newHouseholdKeys.size(), s.lines().size() - created.size());
    }

    private Set<String> known(String kind, Set<String> keys) {
        return new HashSet<>(keyed(kind, keys).keySet());
    }

    private Map<String, UUID> keyed(String kind, Set<String> keys) {
        Map<String, UUID> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select external_key, record_id from imported_record
                        where municipality_id = ? and kind = ? and external_key = any(?)
                        """)
                .params(tenancy.municipalityId(), kind, keys.toArray(String[]::new))
                .query((rs, i) -> found.put(rs.getString("external_key"), rs.getObject("record_id", UUID.class)))
                .list();
        return found;
    }

    private void evict() {
        Instant now = clock.instant();
        staged.entrySet().removeIf(e -> e.getValue().expires().isBefore(now));
        while (staged.size() >= MAX_STAGED) {
            staged.entrySet().stream()
                    .min(java.util.Comparator.comparing(e -> e.getValue().expires()))
                    .ifPresent(e -> staged.remove(e.getKey()));
        }
    }

    /** The column of each known heading; an error for a missing required column or a heading named twice. */
    static Map<String, Integer> headings(List<String> header, List<RowError> errors) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = normalise(header.get(i));
            for (Column c : COLUMNS) {
                if (h.equals(normalise(c.heading())) || h.equals(c.name())) {
                    if (index.putIfAbsent(c.name(), i) != null) {
                        errors.add(new RowError(1, c.heading(), "import.error.headingTwice", List.of(c.heading())));
                    }
                }
            }
        }
        for (Column c : COLUMNS) {
            if (c.required() && !index.containsKey(c.name())) {
                errors.add(new RowError(1, c.heading(), "import.error.missingColumn", List.of(c.heading())));
            }
        }
        return index;
    }

    private static String normalise(String heading) {
        return java.text.Normalizer.normalize(heading, java.text.Normalizer.Form.NFKC)
                .replace("\uFEFF", "")
                .replaceAll("[\\s()（）]", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String heading(String column) {
        return COLUMNS.stream()
                .filter(c -> c.name().equals(column))
                .findFirst()
                .map(Column::heading)
                .orElse(column);
    }

    static @Nullable Sex sex(String value) {
        return switch (java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC)
                .strip()
                .toUpperCase(Locale.ROOT)) {
            case "女", "女性", "F", "FEMALE", "2" -> Sex.FEMALE;
            case "男", "男性", "M", "MALE", "1" -> Sex.MALE;
            case "その他", "OTHER", "X" -> Sex.OTHER;
            case "不明", "回答しない", "NOT_STATED", "9" -> Sex.NOT_STATED;
            default -> null;
        };
    }

    static @Nullable Relationship relationship(String value) {
        return switch (value.strip()) {
            case "", "本人", "世帯主", "SELF" -> Relationship.SELF;
            case "妻", "夫", "配偶者", "SPOUSE" -> Relationship.SPOUSE;
            case "子", "長男", "長女", "二男", "次男", "二女", "次女", "三男", "三女", "CHILD" -> Relationship.CHILD;
            case "父", "母", "親", "PARENT" -> Relationship.PARENT;
            case "祖父", "祖母", "GRANDPARENT" -> Relationship.GRANDPARENT;
            case "孫", "GRANDCHILD" -> Relationship.GRANDCHILD;
            case "兄", "弟", "姉", "妹", "兄弟姉妹", "SIBLING" -> Relationship.SIBLING;
            case "縁故者", "同居人", "パートナー", "PARTNER" -> Relationship.PARTNER;
            case "その他の親族", "親族", "OTHER_RELATIVE" -> Relationship.OTHER_RELATIVE;
            case "その他", "OTHER" -> Relationship.OTHER;
            default -> null;
        };
    }

    /** Katakana or hiragana (full or half width), long vowel marks, spaces and middle dots only. */
    static boolean kana(String value) {
        String v = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC);
        return v.codePoints()
                .allMatch(c -> (c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) || c == ' ' || c == '　');
    }

    private static String val(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null ? "" : value;
    }

    private static @Nullable String blank(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests: the checked rows waiting under the token, in the order of the file. */
    List<Line> stagedLines(UUID token) {
        Staged s = staged.get(token);
        return s == null ? List.of() : s.lines();
    }

    /** For tests: whether checked rows wait under the token. */
    public Optional<String> stagedFile(UUID token) {
        return Optional.ofNullable(staged.get(token)).map(Staged::filename);
    }
}
