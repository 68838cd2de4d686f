package org.marugoto;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second municipality in the same database, with copies of records of the first (decision 0030): rows are copied
 * with new ids into the other municipality, and so is every row they point at through a foreign key (the household's
 * agency, the case's household, the plan's goal), found in the catalog. The copies are what a second municipality
 * would have recorded: the first municipality's screens, searches, exports and API must show nothing of them.
 */
final class TenantClone {

    private final JdbcClient jdbc;
    private final UUID from;
    private final UUID to;

    /** Old id → id of the copy. */
    private final Map<UUID, UUID> copies = new HashMap<>();

    private final Set<String> copiedRows = new java.util.HashSet<>();

    TenantClone(JdbcClient jdbc, UUID from, String code, String name) {
        this.jdbc = jdbc;
        this.from = from;
        this.to = jdbc.sql("select id from municipality where code = ?")
                .param(code)
                .query(UUID.class)
                .optional()
                .orElseGet(() -> {
                    UUID id = UUID.randomUUID();
                    Timestamp now = Timestamp.from(Instant.now());
                    jdbc.sql("""
                                    insert into municipality (municipality_id, id, code, name, created_at, created_by,
                                        updated_at, updated_by)
                                    values (?, ?, ?, ?, ?, 'test', ?, 'test')
                                    """).params(id, id, code, name, now, now).update();
                    return id;
                });
    }

    UUID municipality() {
        return to;
    }

    /** Copies the row of {@code table} with this id (and what it points at); returns the copy's id. */
    UUID copy(String table, UUID id) {
        copyWhere(table, "id", id);
        return copies.get(id);
    }

    /** The id of the copy of the row with this id. */
    UUID copyOf(UUID original) {
        UUID copy = copies.get(original);
        if (copy == null) {
            throw new IllegalStateException(original + " was not copied");
        }
        return copy;
    }

    /** Copies the rows of {@code table} whose {@code column} is {@code value} (and what they point at). */
    void copyWhere(String table, String column, Object value) {
        if (!copiedRows.add(table + "." + column + "=" + value)) {
            return;
        }
        List<Map<String, Object>> rows = jdbc.sql(
                        "select * from " + table + " where municipality_id = ? and " + column + " = ?")
                .params(from, value)
                .query()
                .listOfRows();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no " + table + " with " + column + " = " + value);
        }
        for (Map<String, Object> row : rows) {
            // first what the row points at
            for (ForeignKey fk : foreignKeys(table)) {
                Object pointed = row.get(fk.column());
                if (pointed != null && !fk.table().equals("municipality")) {
                    copyWhere(fk.table(), fk.referenced(), pointed);
                }
            }
            if (row.get("id") instanceof UUID old) {
                copies.put(old, UUID.randomUUID());
            }
            Set<String> writable = writableColumns(table);
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (!writable.contains(e.getKey())) {
                    continue;
                }
                Object v = e.getValue();
                if (e.getKey().equals("municipality_id")) {
                    v = to;
                } else if (v instanceof UUID u && copies.containsKey(u)) {
                    v = copies.get(u);
                }
                values.put(e.getKey(), v);
            }
            String columns = String.join(", ", values.keySet());
            String params = values.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", "));
            jdbc.sql("insert into " + table + " (" + columns + ") values (" + params + ")")
                    .params(values)
                    .update();
        }
    }

    /** Removes every row of the second municipality, and the municipality itself. */
    void remove() {
        List<String> tables = jdbc.sql("select table_name from information_schema.columns"
                        + " where table_schema = 'public' and column_name = 'municipality_id'"
                        + " and table_name <> 'municipality'")
                .query(String.class)
                .list();
        // two passes: deleting rows may make triggers write rows of tables already emptied (the statistics summary's
        // notes, decision 0034)
        for (int pass = 0; pass < 2; pass++) {
            removeRows(tables);
        }
        jdbc.sql("delete from municipality where id = ?").param(to).update();
    }

    private void removeRows(List<String> tables) {
        List<String> left = new ArrayList<>(tables);
        for (int round = 0; round < 20 && !left.isEmpty(); round++) {
            List<String> failed = new ArrayList<>();
            for (String table : left) {
                try {
                    jdbc.sql("delete from " + table + " where municipality_id = ?")
                            .param(to)
                            .update();
                } catch (org.springframework.dao.DataIntegrityViolationException stillReferenced) {
                    failed.add(table);
                } catch (org.springframework.dao.DataAccessException notAllowed) {
                    // the audit trail: the runtime role may not delete from it, and the copies wrote none
                }
            }
            left = failed;
        }
    }

    record ForeignKey(String column, String table, String referenced) {}

    /** The foreign keys of the table as (municipality_id, column) → table (municipality_id, referenced). */
    private List<ForeignKey> foreignKeys(String table) {
        List<ForeignKey> keys = new ArrayList<>();
        jdbc.sql("""
                        select a.attname, c.confrelid::regclass::text, r.attname
                        from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[array_length(c.conkey, 1)]
                        join pg_attribute r on r.attrelid = c.confrelid
                                           and r.attnum = c.confkey[array_length(c.confkey, 1)]
                        where c.contype = 'f' and c.conrelid = ?::regclass and array_length(c.conkey, 1) = 2
                        """)
                .param(table)
                .query((rs, i) -> new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(keys::add);
        return keys;
    }

    private Set<String> writableColumns(String table) {
        return Set.copyOf(jdbc.sql("""
                        select column_name from information_schema.columns
                        where table_schema = 'public' and table_name = ? and is_generated = 'NEVER'
                          and coalesce(identity_generation, '') <> 'ALWAYS'
                        """).param(table).query(String.class).list());
    }
}
