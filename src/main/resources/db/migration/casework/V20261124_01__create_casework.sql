-- 多機関協働: a case of a household, worked by a team under a lead coordinator, with assessments and support plans kept
-- as versions, case conferences of both kinds, progress records, closure and reopening. Nothing is ever deleted: a
-- member who leaves, a superseded plan and a closed case all stay as history.
create table support_case (
    municipality_id     uuid         not null references municipality (id),
    id                  uuid         not null,
    case_number         varchar(20)  not null,
    household_id        uuid         not null,
    origin              varchar(20)  not null check (origin in ('CONSULTATION', 'REFERRAL', 'DIRECT')),
    origin_id           uuid,
    status              varchar(20)  not null check (status in ('ASSESSMENT', 'PLANNING', 'SUPPORT', 'MONITORING', 'CLOSED')),
    lead_account_id     uuid         not null,
    lead_agency_id      uuid         not null,
    summary             text         not null,
    issue_codes         text[]       not null default '{}',
    consent_status      varchar(20)  not null check (consent_status in ('GIVEN', 'REFUSED', 'NOT_ASKED')),
    consent_date        date,
    consent_scope       varchar(500),
    opened_at           timestamptz  not null,
    closed_at           timestamptz,
    closure_outcome     varchar(30),
    closure_evaluation  text,
    closure_person_view text,
    closure_follow_up   text,
    reopen_count        integer      not null default 0,
    created_at          timestamptz  not null,
    created_by          varchar(100) not null,
    updated_at          timestamptz  not null,
    updated_by          varchar(100) not null,
    version             integer      not null default 0,
    primary key (municipality_id, id),
    constraint support_case_id_unique unique (id),
    constraint support_case_number_unique unique (municipality_id, case_number),
    constraint support_case_household foreign key (municipality_id, household_id) references household (municipality_id, id),
    constraint support_case_lead_agency foreign key (municipality_id, lead_agency_id) references agency (municipality_id, id),
    constraint support_case_closed check ((status = 'CLOSED') = (closed_at is not null))
);
create sequence support_case_number_seq;
create index support_case_household on support_case (municipality_id, household_id);
create index support_case_lead on support_case (municipality_id, lead_account_id, status);

create table support_case_person (
    municipality_id uuid not null,
    case_id         uuid not null references support_case (id),
    person_id       uuid not null,
    primary key (municipality_id, case_id, person_id),
    constraint support_case_person_person foreign key (municipality_id, person_id) references person (municipality_id, id)
);

-- status changes, team changes, closure and reopening, in order
create table support_case_event (
    municipality_id uuid         not null,
    id              uuid         not null primary key,
    case_id         uuid         not null references support_case (id),
    kind            varchar(30)  not null,
    from_status     varchar(20),
    to_status       varchar(20),
    note            text,
    at              timestamptz  not null,
    actor_username  varchar(100) not null,
    actor_name      varchar(200) not null
);
create index support_case_event_case on support_case_event (case_id, at);

create table case_team_member (
    municipality_id uuid         not null,
    id              uuid         not null primary key,
    case_id         uuid         not null references support_case (id),
    account_id      uuid         not null,
    member_name     varchar(200) not null,
    agency_id       uuid         not null,
    role            varchar(20)  not null check (role in ('LEAD', 'MEMBER', 'ADVISOR')),
    joined_at       timestamptz  not null,
    joined_by       varchar(100) not null,
    left_at         timestamptz,
    left_by         varchar(100),
    left_reason     text,
    version         integer      not null default 0,
    constraint case_team_member_agency foreign key (municipality_id, agency_id) references agency (municipality_id, id)
);
create unique index case_team_member_active on case_team_member (case_id, account_id) where left_at is null;
create index case_team_member_account on case_team_member (municipality_id, account_id) where left_at is null;

create table case_assessment (
    municipality_id uuid         not null,
    id              uuid         not null primary key,
    case_id         uuid         not null references support_case (id),
    version_no      integer      not null,
    summary         text,
    strengths       text,
    wishes          text,
    risks           text,
    unvoiced        text,
    recorded_at     timestamptz  not null,
    recorded_by     varchar(100) not null,
    recorder_name   varchar(200) not null,
    constraint case_assessment_version unique (case_id, version_no)
);

create table case_assessment_entry (
    municipality_id uuid        not null,
    assessment_id   uuid        not null references case_assessment (id),
    person_id       uuid        not null,
    domain          varchar(20) not null,
    situation       text        not null,
    primary key (assessment_id, person_id, domain)
);

create table support_plan (
    municipality_id         uuid         not null,
    id                      uuid         not null primary key,
    case_id                 uuid         not null references support_case (id),
    version_no              integer      not null,
    status                  varchar(20)  not null check (status in ('DRAFT', 'AGREED', 'SUPERSEDED')),
    aim                     text         not null,
    participation_needs     text,
    outreach_needs          text,
    period_from             date         not null,
    period_to               date         not null,
    review_date             date         not null,
    agreed_at               timestamptz,
    agreed_conference_id    uuid,
    person_agreement        varchar(30),
    person_agreement_note   text,
    created_at              timestamptz  not null,
    created_by              varchar(100) not null,
    updated_at              timestamptz  not null,
    updated_by              varchar(100) not null,
    version                 integer      not null default 0,
    constraint support_plan_version unique (case_id, version_no),
    constraint support_plan_period check (period_from <= period_to),
    constraint support_plan_agreed check ((status = 'DRAFT') = (agreed_at is null))
);
create unique index support_plan_one_draft on support_plan (case_id) where status = 'DRAFT';
create unique index support_plan_one_agreed on support_plan (case_id) where status = 'AGREED';

create table support_plan_goal (
    municipality_id uuid    not null,
    id              uuid    not null primary key,
    plan_id         uuid    not null references support_plan (id),
    position        integer not null,
    issue           text    not null,
    goal            text    not null,
    person_role     text
);

create table support_plan_action (
    municipality_id uuid         not null,
    id              uuid         not null primary key,
    plan_id         uuid         not null references support_plan (id),
    goal_id         uuid         not null references support_plan_goal (id),
    position        integer      not null,
    description     text         not null,
    agency_id       uuid         not null,
    account_id      uuid,
    due_date        date         not null,
    frequency       varchar(200),
    done_at         timestamptz,
    done_by         varchar(100),
    constraint support_plan_action_agency foreign key (municipality_id, agency_id) references agency (municipality_id, id)
);
create index support_plan_action_open on support_plan_action (due_date) where done_at is null;

create table support_goal_evaluation (
    municipality_id uuid         not null,
    id              uuid         not null primary key,
    goal_id         uuid         not null references support_plan_goal (id),
    plan_id         uuid         not null references support_plan (id),
    outcome         varchar(20)  not null check (outcome in ('ACHIEVED', 'PARTLY', 'NOT_ACHIEVED', 'CHANGED')),
    note            text,
    at_closure      boolean      not null default false,
    evaluated_at    timestamptz  not null,
    evaluated_by    varchar(100) not null
);

create table case_conference (
    municipality_id   uuid         not null,
    id                uuid         not null primary key,
    case_id           uuid         not null references support_case (id),
    kind              varchar(20)  not null check (kind in ('JUSHO', 'SHIEN')),
    status            varchar(20)  not null check (status in ('SCHEDULED', 'HELD', 'CANCELLED')),
    scheduled_at      timestamptz  not null,
    place             varchar(200),
    agenda            text         not null,
    consent_confirmed boolean      not null default false,
    minutes           text,
    decisions         text[]       not null default '{}',
    plan_id           uuid references support_plan (id),
    held_at           timestamptz,
    convened_by       varchar(100) not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(100) not null,
    version           integer      not null default 0,
    -- a 重層的支援会議 works with the person's consent, so it cannot be held without it
    constraint case_conference_consent check (kind <> 'JUSHO' or status <> 'HELD' or consent_confirmed)
);
create index case_conference_case on case_conference (case_id, scheduled_at);

create table case_conference_member (
    municipality_id uuid        not null,
    conference_id   uuid        not null references case_conference (id),
    account_id      uuid        not null,
    member_name     varchar(200) not null,
    agency_id       uuid        not null,
    pledged_at      timestamptz,
    attended        boolean     not null default false,
    primary key (conference_id, account_id)
);
create index case_conference_member_account on case_conference_member (account_id);

create table case_conference_action (
    municipality_id  uuid         not null,
    id               uuid         not null primary key,
    conference_id    uuid         not null references case_conference (id),
    case_id          uuid         not null references support_case (id),
    description      text         not null,
    owner_account_id uuid         not null,
    owner_name       varchar(200) not null,
    due_date         date         not null,
    done_at          timestamptz
);

-- 支援経過記録: written once; a correction is a new entry that says so
create table case_progress (
    municipality_id uuid         not null,
    id              uuid         not null primary key,
    case_id         uuid         not null references support_case (id),
    occurred_at     timestamptz  not null,
    kind            varchar(20)  not null check (kind in ('CONTACT', 'VISIT', 'CALL', 'MEETING', 'NOTE')),
    person_id       uuid,
    body            text         not null,
    agency_id       uuid         not null,
    recorded_at     timestamptz  not null,
    recorded_by     varchar(100) not null,
    recorder_name   varchar(200) not null
);
create index case_progress_case on case_progress (case_id, occurred_at desc);
