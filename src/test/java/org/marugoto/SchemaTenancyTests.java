package org.marugoto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every table is keyed by its municipality and every statement names it (decision 0030). Reads the catalog of the
 * migrated database (every table, whichever module's migration made it) and the SQL text of every statement in
 * {@code src/main/java} (whichever module wrote it), so that a new table or a new statement cannot forget:
 *
 * <ul>
 *   <li>the primary key of every table starts with {@code municipality_id}, unless the table is in {@link #NOT_KEYED}
 *       with its reason;
 *   <li>every foreign key between two such tables carries {@code municipality_id} on both sides, in the same place;
 *   <li>every SQL statement names {@code municipality_id} at least once for every keyed table it reads or writes (a
 *       join is made on it as well as on the id, so that a distributed engine keeps the join on one shard,
 *       docs/scale.md).
 * </ul>
 */
@MarugotoTest
class SchemaTenancyTests {

    /** Tables that are not keyed by municipality, and why. */
    static final Map<String, String> NOT_KEYED = Map.of(
            "flyway_schema_history",
            "Flyway's own history of the schema: one schema for all municipalities",
            "event_publication",
            "Spring Modulith's event publication registry: its columns and statements are the library's; an event"
                    + " carries the municipality inside its payload and is delivered in-process (decision 0030)",
            "spring_session",
            "Spring Session JDBC's sessions (several nodes): a session is found by its own id, before anyone is"
                    + " known; the principal it holds names the municipality",
            "spring_session_attributes",
            "Spring Session JDBC's session attributes, keyed by the session (see spring_session)");

    /** Tables every municipality reads as they are: the tenant directory itself (a reference table in Citus). */
    static final Set<String> REFERENCE = Set.of("municipality");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTableIsKeyedByItsMunicipality() {
        List<String> offenders =
                jdbc.sql("""
                        select c.relname,
                               coalesce((select a.attname from pg_constraint p
                                         join pg_attribute a on a.attrelid = p.conrelid and a.attnum = p.conkey[1]
                                         where p.conrelid = c.oid and p.contype = 'p'), '(no primary key)') first_key
                        from pg_class c
                        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                        order by c.relname
                        """).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list().stream()
                        .filter(t -> !NOT_KEYED.containsKey(t[0]) && !"municipality_id".equals(t[1]))
                        .map(t -> t[0] + ": primary key starts with " + t[1]
                                + " (make it (municipality_id, ...), or add the table to NOT_KEYED with the reason)")
                        .toList();
        assertThat(offenders)
                .as("tables whose primary key does not lead with municipality_id")
                .isEmpty();
    }

    @Test
    void everyForeignKeyStaysInItsMunicipality() {
        List<String> offenders = jdbc
                .sql("""
                        select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
                        from pg_constraint c
                        where c.contype = 'f' and c.connamespace = 'public'::regnamespace
                          and not exists (
                              select 1 from unnest(c.conkey, c.confkey) k(col, ref_col)
                              join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.col
                              join pg_attribute r on r.attrelid = c.confrelid and r.attnum = k.ref_col
                              where a.attname = 'municipality_id' and r.attname in ('municipality_id', 'id')
                                and (r.attname = 'municipality_id' or c.confrelid = 'municipality'::regclass))
                        order by 1, 2
                        """)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .stream()
                .filter(fk -> !NOT_KEYED.containsKey(fk[0]))
                .map(fk -> fk[0] + "." + fk[1] + ": " + fk[2] + " (reference (municipality_id, ...) on both sides)")
                .toList();
        assertThat(offenders)
                .as("foreign keys that could point into another municipality")
                .isEmpty();
    }

    @Test
    void everyStatementNamesTheMunicipality() throws IOException {
        Set<String> keyed = new TreeSet<>(jdbc.sql("""
                        select table_name from information_schema.columns
                        where table_schema = 'public' and column_name = 'municipality_id'
                        """).query(String.class).list());
        keyed.removeAll(REFERENCE);
        assertThat(keyed).contains("person", "support_case", "staff_account");
        List<Statement> statements = statements(Path.of("src/main/java"));
        assertThat(statements.size()).as("statements found").isGreaterThan(300);
        List<String> offenders = new ArrayList<>();
        for (Statement s : statements) {
            List<String> tables = tenantTables(s.sql(), keyed);
            int named = count(s.sql(), "municipality_id");
            if (named < tables.size()) {
                offenders.add(s.where() + ": reads or writes " + tables + " but names municipality_id " + named
                        + " time(s): " + oneLine(s.sql()));
            }
        }
        assertThat(offenders)
                .as("statements that do not filter (or join) every keyed table by municipality_id")
                .isEmpty();
    }

    /** Spring Data repository methods that look across municipalities, and why. */
    static final Map<String, String> ACROSS_MUNICIPALITIES = Map.of(
            "StaffAccountRepository.findByUsername",
            "user names are unique across municipalities: a new account's name is checked against all of them");

    /** Repository methods inherited from Spring Data that find or remove by the id alone. */
    private static final Pattern BY_ID_ALONE =
            Pattern.compile("\\b(\\w+)\\.(findById|findAllById|findAll|existsById|deleteById|deleteAll)\\(");

    private static final Pattern REPOSITORY =
            Pattern.compile("interface (\\w+) extends \\w*Repository<[^{]*\\{(.*?)\\n}", Pattern.DOTALL);

    private static final Pattern METHOD = Pattern.compile("\\s(\\w+)\\(");

    /**
     * Spring Data JDBC repositories write their own SQL: each query method names the municipality
     * ({@code findByMunicipalityIdAnd...}) and the inherited by-id methods are not used ({@code save} is: it updates
     * a row that was read by municipality and id).
     */
    @Test
    void everyRepositoryQueryNamesTheMunicipality() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher repository = REPOSITORY.matcher(source);
                while (repository.find()) {
                    Matcher method = METHOD.matcher(repository.group(2));
                    while (method.find()) {
                        String name = repository.group(1) + "." + method.group(1);
                        if (!method.group(1).contains("MunicipalityId") && !ACROSS_MUNICIPALITIES.containsKey(name)) {
                            offenders.add(file + ": " + name + " does not name the municipality");
                        }
                    }
                }
                if (source.contains("Repository ")) {
                    Matcher byId = BY_ID_ALONE.matcher(source);
                    while (byId.find()) {
                        if (Pattern.compile("\\w+Repository " + byId.group(1) + "\\b")
                                .matcher(source)
                                .find()) {
                            offenders.add(file + ": " + byId.group() + " finds by the id alone");
                        }
                    }
                }
            }
        }
        assertThat(offenders)
                .as("repository queries that look across municipalities")
                .isEmpty();
    }

    @Test
    void theScannerFindsWhatItShould() {
        Set<String> keyed = Set.of("person", "household_member", "staff_account", "staff_role");
        assertThat(tenantTables("select * from person p join household_member m on m.person_id = p.id", keyed))
                .containsExactly("person", "household_member");
        assertThat(tenantTables("insert into person (municipality_id, id) values (?, ?)", keyed))
                .containsExactly("person");
        assertThat(tenantTables("delete from staff_role where account_id = ?", keyed))
                .containsExactly("staff_role");
        assertThat(tenantTables("update staff_account set x = 1", keyed)).containsExactly("staff_account");
        assertThat(tenantTables("select nextval('x_seq')", keyed)).isEmpty();
        Path source = Path.of("Sample.java");
        List<Statement> found = statements(source, """
                class Sample {
                    // select * from person (a comment, not a statement)
                    String a = "select * from person where id = ?";
                    String b = "update " + table + " set x = ? where municipality_id = ? and id = ?";
                    String c = \"""
                            delete from staff_role
                            where account_id = ?
                            \""";
                    String d = "select count(*) from person p join household_member m"
                            + " on m.person_id = p.id"
                            + " where p.municipality_id = ?";
                    char q = '"';
                    String e = "nothing to see";
                    String f = "update person set " + (a ? "x" : "y") + " = ? where municipality_id = ?";
                }
                """);
        assertThat(found)
                .extracting(s -> oneLine(s.sql()))
                .containsExactly(
                        "select * from person where id = ?",
                        "update ? set x = ? where municipality_id = ? and id = ?",
                        "delete from staff_role where account_id = ?",
                        "select count(*) from person p join household_member m on m.person_id = p.id where"
                                + " p.municipality_id = ?",
                        "update person set ? = ? where municipality_id = ?");
        assertThat(found)
                .extracting(Statement::where)
                .containsExactly("Sample.java:3", "Sample.java:4", "Sample.java:5", "Sample.java:9", "Sample.java:14");
    }

    // ---- the scanner ------------------------------------------------------------------------------------------

    record Statement(String where, String sql) {}

    private static final Pattern SQL_START =
            Pattern.compile("^\\s*(select|insert|update|delete|with)\\s", Pattern.CASE_INSENSITIVE);

    /** A table a statement reads or writes: after from, join, update, delete from, or insert into (with columns). */
    private static final Pattern TABLE =
            Pattern.compile("\\b(?:from|join|update)\\s+(\\w+)|\\binto\\s+(\\w+)\\s*\\(", Pattern.CASE_INSENSITIVE);

    /** An operand between two {@code +} of a concatenated statement: a name, a call, a short expression. */
    private static final Pattern OPERAND = Pattern.compile("[\\w.()\\s?:=!<>]+?(?=\\s*\\+)");

    static List<String> tenantTables(String sql, Set<String> keyed) {
        List<String> found = new ArrayList<>();
        Matcher m = TABLE.matcher(sql);
        while (m.find()) {
            String table = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            if (keyed.contains(table)) {
                found.add(table);
            }
        }
        return found;
    }

    static List<Statement> statements(Path root) throws IOException {
        List<Statement> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                all.addAll(statements(root.relativize(file), Files.readString(file)));
            }
        }
        return all;
    }

    /**
     * The SQL statements of one source: every string literal or text block that starts like a statement, with the
     * literals concatenated to it ({@code "select ... " + table + " where ..."}, an operand that is not a literal
     * counted as {@code ?}).
     */
    static List<Statement> statements(Path file, String source) {
        List<Statement> found = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = lineEnd(source, i);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = charEnd(source, i);
            } else if (c == '"') {
                int start = i;
                Literal first = literal(source, i);
                StringBuilder sql = new StringBuilder(first.text());
                i = first.end();
                while (true) {
                    Matcher plus =
                            Pattern.compile("\\s*\\+\\s*").matcher(source).region(i, n);
                    if (!plus.lookingAt()) {
                        break;
                    }
                    int next = plus.end();
                    if (next < n && source.charAt(next) == '"') {
                        Literal more = literal(source, next);
                        sql.append(more.text());
                        i = more.end();
                    } else if (next < n && source.charAt(next) == '(') {
                        sql.append('?');
                        i = parenthesisEnd(source, next);
                    } else {
                        Matcher operand = OPERAND.matcher(source).region(next, n);
                        if (!operand.lookingAt()) {
                            break;
                        }
                        sql.append('?');
                        i = operand.end();
                    }
                }
                if (SQL_START.matcher(sql).find()) {
                    int line = (int) source.substring(0, start)
                                    .chars()
                                    .filter(ch -> ch == '\n')
                                    .count()
                            + 1;
                    found.add(new Statement(file.toString().replace('\\', '/') + ":" + line, sql.toString()));
                }
            } else {
                i++;
            }
        }
        return found;
    }

    record Literal(String text, int end) {}

    private static Literal literal(String source, int i) {
        if (source.startsWith("\"\"\"", i)) {
            int end = source.indexOf("\"\"\"", i + 3);
            return new Literal(source.substring(source.indexOf('\n', i) + 1, end), end + 3);
        }
        StringBuilder text = new StringBuilder();
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != '"') {
            if (source.charAt(j) == '\\') {
                j++;
            }
            text.append(source.charAt(j));
            j++;
        }
        return new Literal(text.toString(), j + 1);
    }

    /** After the parenthesis that closes the one at {@code i} (a parenthesised operand, literals and all). */
    private static int parenthesisEnd(String source, int i) {
        int depth = 0;
        int j = i;
        while (j < source.length()) {
            char c = source.charAt(j);
            if (c == '"') {
                j = literal(source, j).end();
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return j;
    }

    private static int lineEnd(String source, int i) {
        int end = source.indexOf('\n', i);
        return end < 0 ? source.length() : end;
    }

    private static int charEnd(String source, int i) {
        int j = i + 1;
        if (j < source.length() && source.charAt(j) == '\\') {
            j++;
        }
        int end = source.indexOf('\'', j + 1);
        return end < 0 ? source.length() : end + 1;
    }

    private static int count(String text, String word) {
        int count = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
            count++;
        }
        return count;
    }

    private static String oneLine(String sql) {
        return String.join(" ", sql.strip().split("\\s+"));
    }
}
