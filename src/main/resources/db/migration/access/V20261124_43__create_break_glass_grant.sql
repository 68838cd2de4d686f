-- Break-the-glass: emergency read access of one staff member to one household for a limited time, with the stated
-- reason, reviewed afterwards by the requester's agency supervisor and by the municipal privacy officer.
create table break_glass_grant (
    municipality_id        uuid         not null references municipality (id),
    id                     uuid         not null,
    account_id             uuid         not null,
    username               varchar(100) not null,
    agency_id              uuid         not null,
    record_type            varchar(40)  not null,
    record_id              uuid         not null,
    reference              varchar(40)  not null,
    reason                 text         not null,
    granted_at             timestamptz  not null,
    expires_at             timestamptz  not null,
    supervisor_review      varchar(20),
    supervisor_reviewed_by varchar(100),
    supervisor_reviewed_at timestamptz,
    supervisor_note        text,
    privacy_review         varchar(20),
    privacy_reviewed_by    varchar(100),
    privacy_reviewed_at    timestamptz,
    privacy_note           text,
    created_at             timestamptz  not null,
    created_by             varchar(100) not null,
    updated_at             timestamptz  not null,
    updated_by             varchar(100) not null,
    version                integer      not null default 0,
    primary key (municipality_id, id),
    constraint break_glass_grant_id_unique unique (id),
    constraint break_glass_grant_account foreign key (account_id) references staff_account (id),
    constraint break_glass_grant_period check (expires_at > granted_at)
);

create index break_glass_grant_account on break_glass_grant (municipality_id, account_id, expires_at desc);
create index break_glass_grant_agency on break_glass_grant (municipality_id, agency_id, granted_at desc);

-- the records a grant opens: the household, its members, and the records about them, fixed when it is granted
create table break_glass_record (
    municipality_id uuid not null,
    grant_id        uuid not null references break_glass_grant (id),
    record_id       uuid not null,
    primary key (municipality_id, grant_id, record_id)
);

create index break_glass_record_lookup on break_glass_record (municipality_id, record_id);
