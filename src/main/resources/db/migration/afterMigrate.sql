-- Runs after every migration, as the schema owner (decision 0018): the runtime role the application connects as gets
-- what the application needs and nothing more. It owns nothing, so it cannot alter a table or disable a trigger; it
-- cannot TRUNCATE; it can only add to the audit trail and its seals; it cannot touch the migration history.
do $$
begin
    if '${app_role}' <> '${owner_role}' then
        execute format('grant usage on schema public to %I', '${app_role}');
        execute format('grant select, insert, update, delete on all tables in schema public to %I', '${app_role}');
        execute format('grant usage, select on all sequences in schema public to %I', '${app_role}');
        execute format('revoke update, delete, truncate, references, trigger on audit_event, audit_seal from %I',
                       '${app_role}');
        execute format('revoke all on flyway_schema_history from %I', '${app_role}');
    end if;
end
$$;
