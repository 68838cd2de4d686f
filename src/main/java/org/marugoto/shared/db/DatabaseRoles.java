package org.marugoto.shared.db;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The three roles of the embedded cluster and their generated passwords (kept in {@code secrets/database.properties}
 * under the data folder, readable by the owner only): the cluster's superuser (set-up only), the owner of the schema
 * (runs the migrations, backups) and the runtime role the application connects as. The runtime role's privileges are
 * granted after each migration ({@code db/migration/afterMigrate.sql}): no superuser, no DDL, no TRUNCATE, no UPDATE or
 * DELETE on the audit trail, no way to disable a trigger.
 */
record DatabaseRoles(String superuserPassword, String owner, String ownerPassword, String app, String appPassword) {

    static final String OWNER = "marugoto_owner";
    static final String APP = "marugoto_app";

    static DatabaseRoles of(DataFolder folder) {
        return of(folder.secret("database.properties", "superuser.password", "owner.password", "app.password"));
    }

    /** The roles of a data folder another process holds (its passwords were generated when it first started). */
    static DatabaseRoles ofRunning(Path base) {
        return of(LocalSecrets.load(LocalSecrets.folder(base), "database.properties"));
    }

    private static DatabaseRoles of(Properties secrets) {
        return new DatabaseRoles(
                secrets.getProperty("superuser.password"),
                OWNER,
                secrets.getProperty("owner.password"),
                APP,
                secrets.getProperty("app.password"));
    }

    /**
     * Creates the owner and runtime roles if they are missing, (re)sets their passwords and makes the owner own the
     * schema and everything in it (clusters made before this split had everything owned by the superuser). Idempotent.
     */
    void ensure(Connection superuser) throws IOException {
        try (superuser;
                Statement s = superuser.createStatement()) {
            for (String role : new String[] {owner, app}) {
                s.execute("""
                        do $$ begin
                          if not exists (select from pg_roles where rolname = '%1$s') then
                            create role %1$s login;
                          end if;
                        end $$""".formatted(role));
            }
            s.execute("alter role " + owner + " with login nosuperuser nocreatedb nocreaterole noreplication"
                    + " nobypassrls password " + literal(ownerPassword));
            s.execute("alter role " + app + " with login nosuperuser nocreatedb nocreaterole noreplication"
                    + " nobypassrls password " + literal(appPassword));
            s.execute("revoke all on database " + EmbeddedPostgresLauncher.DATABASE + " from public");
            s.execute("grant connect, temporary on database " + EmbeddedPostgresLauncher.DATABASE + " to " + owner
                    + ", " + app);
            // the owner installs the trusted extensions the migrations need (pg_trgm)
            s.execute("grant create on database " + EmbeddedPostgresLauncher.DATABASE + " to " + owner);
            s.execute("alter schema public owner to " + owner);
            s.execute("revoke create on schema public from public");
            s.execute("""
                    do $$ declare r record; begin
                      for r in select c.oid::regclass::text as name, c.relkind from pg_class c
                               join pg_namespace n on n.oid = c.relnamespace
                               where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                 and pg_get_userbyid(c.relowner) <> '%1$s'
                                 and not exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
                      loop
                        execute format('alter %%s %%s owner to %1$s',
                            case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                           when 'S' then 'sequence' else 'table' end, r.name);
                      end loop;
                      for r in select p.oid::regprocedure::text as name from pg_proc p
                               join pg_namespace n on n.oid = p.pronamespace
                               where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> '%1$s'
                                 and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
                      loop
                        execute format('alter routine %%s owner to %1$s', r.name);
                      end loop;
                    end $$""".formatted(owner));
        } catch (SQLException e) {
            throw new IOException("Could not set up the database roles", e);
        }
    }

    /** A password as an SQL string literal (ALTER ROLE takes no parameters); generated passwords are URL-safe Base64. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return "DatabaseRoles[owner=" + owner + ", app=" + app + "]";
    }
}
