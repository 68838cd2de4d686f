-- アウトリーチ等を通じた継続的支援: a record for a person or household who has not asked for help. It is the lead
-- agency's record (shared with the agencies named as involved); it works before any consent.

-- The engagement stages. Data, so that the municipality can rename them: the code stays, the labels change.
-- kind: OPEN (work goes on), CONNECTED (つないだ: to a case or to participation support), ENDED (終了, with a reason).
create table outreach_stage (
    municipality_id uuid         not null references municipality (id),
    code            varchar(30)  not null,
    label_ja        varchar(100) not null,
    label_en        varchar(100) not null,
    sort_order      integer      not null,
    kind            varchar(20)  not null,
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(100) not null,
    version         integer      not null default 0,
    primary key (municipality_id, code),
    constraint outreach_stage_kind check (kind in ('OPEN', 'CONNECTED', 'ENDED'))
);

create sequence outreach_number_seq;

create table outreach_record (
    municipality_id      uuid          not null references municipality (id),
    id                   uuid          not null,
    record_number        varchar(20)   not null,
    household_id         uuid          not null,
    person_ids           uuid[]        not null,
    source               varchar(30)   not null,
    source_detail        varchar(300),
    origin               varchar(20)   not null,
    origin_id            uuid,
    issue_codes          varchar(50)[] not null,
    worry                varchar(2000) not null,
    first_concern_on     date          not null,
    lead_agency_id       uuid          not null,
    lead_account_id      uuid          not null,
    involved_agency_ids  uuid[]        not null default '{}',
    involved_note        varchar(1000),
    stage                varchar(30)   not null,
    stage_since          date          not null,
    end_reason           varchar(30),
    connected_to         varchar(30),
    next_contact_on      date,
    closed_at            timestamptz,
    created_at           timestamptz   not null,
    created_by           varchar(100)  not null,
    updated_at           timestamptz   not null,
    updated_by           varchar(100)  not null,
    version              integer       not null default 0,
    primary key (municipality_id, id),
    constraint outreach_record_id_unique unique (id),
    constraint outreach_record_number unique (municipality_id, record_number),
    constraint outreach_record_household foreign key (municipality_id, household_id) references household (municipality_id, id),
    constraint outreach_record_lead_agency foreign key (municipality_id, lead_agency_id) references agency (municipality_id, id),
    constraint outreach_record_lead foreign key (municipality_id, lead_account_id) references staff_account (municipality_id, id),
    constraint outreach_record_stage foreign key (municipality_id, stage) references outreach_stage (municipality_id, code),
    constraint outreach_record_source check (source in ('WELFARE_COMMISSIONER', 'NEIGHBOUR', 'UTILITY_DELIVERY',
        'SCHOOL', 'AGENCY', 'PLACE_ORGANISER', 'ANONYMOUS', 'FAMILY', 'OTHER')),
    constraint outreach_record_origin check (origin in ('DIRECT', 'CONSULTATION', 'CONCERN', 'CASE')),
    constraint outreach_record_end_reason check (end_reason is null or end_reason in ('MOVED', 'DIED',
        'REFUSED_FOR_NOW', 'RESOLVED', 'OTHER')),
    constraint outreach_record_connected check (connected_to is null or connected_to in ('CASE', 'PARTICIPATION',
        'SERVICE'))
);

create index outreach_record_household on outreach_record (municipality_id, household_id);
create index outreach_record_next_contact on outreach_record (municipality_id, next_contact_on) where closed_at is null;
create index outreach_record_lead on outreach_record (municipality_id, lead_account_id) where closed_at is null;

-- the people around the person (key persons) and their relation: a neighbour, a sister far away, the newsagent
create table outreach_key_person (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    outreach_id     uuid          not null,
    name            varchar(100)  not null,
    relation        varchar(100)  not null,
    note            varchar(500),
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint outreach_key_person_record foreign key (municipality_id, outreach_id) references outreach_record (municipality_id, id)
);

create index outreach_key_person_record on outreach_key_person (municipality_id, outreach_id);

-- every stage change with its date: the engagement's history (reopening adds rows, never removes them)
create table outreach_stage_change (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    outreach_id     uuid          not null,
    from_stage      varchar(30),
    to_stage        varchar(30)   not null,
    changed_on      date          not null,
    end_reason      varchar(30),
    connected_to    varchar(30),
    note            varchar(1000),
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint outreach_stage_change_record foreign key (municipality_id, outreach_id) references outreach_record (municipality_id, id)
);

create index outreach_stage_change_record on outreach_stage_change (municipality_id, outreach_id, changed_on);

-- the attempts log: each try to reach the person, written once (a correction is a new entry)
create table outreach_attempt (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    outreach_id     uuid          not null,
    attempted_at    timestamptz   not null,
    method          varchar(30)   not null,
    who_went        varchar(300)  not null,
    outcome         varchar(30)   not null,
    learned         varchar(2000),
    next_step       varchar(1000),
    next_contact_on date,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint outreach_attempt_record foreign key (municipality_id, outreach_id) references outreach_record (municipality_id, id),
    constraint outreach_attempt_method check (method in ('VISIT', 'LETTER', 'PHONE', 'VIA_COMMISSIONER', 'AT_PLACE',
        'VIA_NEIGHBOUR', 'VIA_FAMILY', 'OTHER')),
    constraint outreach_attempt_outcome check (outcome in ('NO_ANSWER', 'THROUGH_DOOR', 'MET', 'REFUSED', 'LEFT_NOTE',
        'HEARD_OF', 'OTHER'))
);

create index outreach_attempt_record on outreach_attempt (municipality_id, outreach_id, attempted_at);
