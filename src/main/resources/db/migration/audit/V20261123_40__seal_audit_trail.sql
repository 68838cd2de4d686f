-- Tamper evidence. Every audit row gets an increasing sequence number; a sealing job chains the committed rows, in the
-- order it seals them, into audit_seal: hash = sha256(previous hash || the row's content). Changing or removing an
-- audit row (even as a database superuser who bypasses the trigger) breaks the chain at that row.
alter table audit_event add column seq bigserial;
create unique index audit_event_seq on audit_event (seq);

create table audit_seal (
    municipality_id uuid        not null references municipality (id),
    position        bigint      not null,
    event_seq       bigint      not null,
    hash            char(64)    not null,
    sealed_at       timestamptz not null,
    primary key (municipality_id, position),
    constraint audit_seal_event unique (event_seq)
);

create trigger audit_seal_append_only
    before update or delete on audit_seal
    for each row execute function audit_event_is_append_only();
