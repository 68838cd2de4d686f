-- 参加支援: roles and places (役割・出番) hosted by the directory's agencies, a person's wishes and limits, matches that
-- go 紹介 → 見学 → 体験 → 定着 (or end), and the needs nothing met (社会資源開発).

-- an opportunity is hosted by an agency of the directory (one list of organisations, not two); not personal data
create table participation_opportunity (
    municipality_id uuid           not null references municipality (id),
    id              uuid           not null,
    host_agency_id  uuid           not null,
    title           varchar(200)   not null,
    kind            varchar(30)    not null,
    description     varchar(2000),
    area_id         uuid,
    days_hours      varchar(300),
    capacity        integer        check (capacity is null or capacity > 0),
    host_offers     varchar(30)[]  not null default '{}',
    interests       varchar(30)[]  not null default '{}',
    accessibility   varchar(500),
    age_min         integer,
    age_max         integer,
    cost            varchar(200),
    open            boolean        not null default true,
    created_at      timestamptz    not null,
    created_by      varchar(100)   not null,
    updated_at      timestamptz    not null,
    updated_by      varchar(100)   not null,
    version         integer        not null default 0,
    primary key (municipality_id, id),
    constraint participation_opportunity_id_unique unique (id),
    constraint participation_opportunity_host foreign key (municipality_id, host_agency_id) references agency (municipality_id, id),
    constraint participation_opportunity_area foreign key (municipality_id, area_id) references area (municipality_id, id),
    constraint participation_opportunity_kind check (kind in ('VOLUNTEER_ROLE', 'JOB_TRIAL', 'FARM', 'CAFE',
        'PLACE_ROLE', 'HOBBY', 'OTHER'))
);

-- a person's participation support: what they wish, like, are good at, and what limits them; the lead agency's record
create table participation_profile (
    municipality_id uuid           not null references municipality (id),
    id              uuid           not null,
    household_id    uuid           not null,
    person_id       uuid           not null,
    lead_agency_id  uuid           not null,
    area_id         uuid,
    wishes          varchar(2000)  not null,
    interests       varchar(30)[]  not null default '{}',
    strengths       varchar(1000),
    limits          varchar(1000),
    created_at      timestamptz    not null,
    created_by      varchar(100)   not null,
    updated_at      timestamptz    not null,
    updated_by      varchar(100)   not null,
    version         integer        not null default 0,
    primary key (municipality_id, id),
    constraint participation_profile_id_unique unique (id),
    constraint participation_profile_household foreign key (municipality_id, household_id) references household (municipality_id, id),
    constraint participation_profile_lead foreign key (municipality_id, lead_agency_id) references agency (municipality_id, id)
);

create index participation_profile_household on participation_profile (municipality_id, household_id);

create table participation_match (
    municipality_id  uuid           not null references municipality (id),
    id               uuid           not null,
    profile_id       uuid           not null,
    opportunity_id   uuid           not null,
    step             varchar(20)    not null,
    step_on          date           not null,
    end_reason       varchar(30),
    host_support     varchar(2000),
    follow_up_on     date,
    outcome_3m       varchar(1000),
    outcome_6m       varchar(1000),
    introduced_on    date           not null,
    created_at       timestamptz    not null,
    created_by       varchar(100)   not null,
    updated_at       timestamptz    not null,
    updated_by       varchar(100)   not null,
    version          integer        not null default 0,
    primary key (municipality_id, id),
    constraint participation_match_id_unique unique (id),
    constraint participation_match_profile foreign key (municipality_id, profile_id) references participation_profile (municipality_id, id),
    constraint participation_match_opportunity foreign key (municipality_id, opportunity_id) references participation_opportunity (municipality_id, id),
    constraint participation_match_step check (step in ('INTRODUCED', 'VISITED', 'TRIAL', 'SETTLED', 'ENDED')),
    constraint participation_match_end check (end_reason is null or end_reason in ('NOT_A_FIT', 'HEALTH',
        'PERSON_STOPPED', 'HOST_STOPPED', 'MOVED_ON', 'OTHER'))
);

create index participation_match_profile on participation_match (municipality_id, profile_id);
create index participation_match_follow_up on participation_match (municipality_id, follow_up_on) where step <> 'ENDED';

-- every step of a match with its date, who accompanied and what the host needed and got (ホスト支援)
create table participation_match_step (
    municipality_id uuid           not null references municipality (id),
    id              uuid           not null,
    match_id        uuid           not null,
    step            varchar(20)    not null,
    step_on         date           not null,
    accompanied_by  varchar(300),
    host_support    varchar(2000),
    note            varchar(1000),
    created_at      timestamptz    not null,
    created_by      varchar(100)   not null,
    updated_at      timestamptz    not null,
    updated_by      varchar(100)   not null,
    version         integer        not null default 0,
    primary key (municipality_id, id),
    constraint participation_match_step_match foreign key (municipality_id, match_id) references participation_match (municipality_id, id)
);

create index participation_match_step_match on participation_match_step (municipality_id, match_id, step_on);

-- 社会資源開発: a need nothing met. No person is named: what, where, for whom (in general words), which issues.
create table unmet_need (
    municipality_id uuid           not null references municipality (id),
    id              uuid           not null,
    what            varchar(1000)  not null,
    kind            varchar(30)    not null,
    area_id         uuid,
    for_whom        varchar(300)   not null,
    issue_codes     varchar(50)[]  not null default '{}',
    agency_id       uuid           not null,
    created_at      timestamptz    not null,
    created_by      varchar(100)   not null,
    updated_at      timestamptz    not null,
    updated_by      varchar(100)   not null,
    version         integer        not null default 0,
    primary key (municipality_id, id),
    constraint unmet_need_area foreign key (municipality_id, area_id) references area (municipality_id, id),
    constraint unmet_need_agency foreign key (municipality_id, agency_id) references agency (municipality_id, id),
    constraint unmet_need_kind check (kind in ('VOLUNTEER_ROLE', 'JOB_TRIAL', 'FARM', 'CAFE', 'PLACE_ROLE', 'HOBBY',
        'OTHER'))
);

create index unmet_need_area_kind on unmet_need (municipality_id, area_id, kind);
