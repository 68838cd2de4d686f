-- The audit trail is append-only: rows are written once and never changed, so they carry when and by whom they were
-- written (occurred_at, actor_*) but no updated_* or version columns (docs/decisions/0004-append-only-audit.md).
create table audit_event (
    municipality_id  uuid         not null references municipality (id),
    id               uuid         not null,
    occurred_at      timestamptz  not null,
    actor_username   varchar(100),
    actor_account_id uuid,
    actor_agency_id  uuid,
    action           varchar(40)  not null,
    record_type      varchar(60)  not null,
    record_id        uuid,
    purpose          varchar(200),
    client_address   varchar(64),
    details          text         not null default '',
    primary key (municipality_id, id)
);

create index audit_event_record on audit_event (municipality_id, record_id, occurred_at desc);
create index audit_event_actor on audit_event (municipality_id, actor_account_id, occurred_at desc);
create index audit_event_time on audit_event (municipality_id, occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event rows cannot be changed or deleted';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
