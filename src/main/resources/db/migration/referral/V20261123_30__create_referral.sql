-- つなぎ: a tracked promise from one agency to another, owned by someone until it ends.
create table referral (
    municipality_id        uuid         not null references municipality (id),
    id                     uuid         not null,
    reference_number       varchar(20)  not null,
    household_id           uuid         not null,
    consultation_id        uuid,
    from_agency_id         uuid         not null,
    to_agency_id           uuid         not null,
    to_counter_id          uuid,
    status                 varchar(20)  not null,
    urgency                varchar(20)  not null,
    summary                varchar(500) not null,
    reason                 text,
    tried                  text,
    consent_status         varchar(20)  not null,
    consent_scope          varchar(500),
    desired_response_date  date         not null,
    info_request           text,
    decline_reason         text,
    suggested_agency_id    uuid,
    outcome                varchar(30),
    outcome_note           text,
    last_activity_at       timestamptz  not null,
    follow_up_confirmed_at timestamptz,
    follow_up_note         text,
    overdue_since          timestamptz,
    created_at             timestamptz  not null,
    created_by             varchar(100) not null,
    updated_at             timestamptz  not null,
    updated_by             varchar(100) not null,
    version                integer      not null default 0,
    primary key (municipality_id, id),
    constraint referral_id_unique unique (id),
    constraint referral_number_unique unique (municipality_id, reference_number),
    constraint referral_household foreign key (municipality_id, household_id) references household (municipality_id, id),
    constraint referral_consultation foreign key (municipality_id, consultation_id) references consultation (municipality_id, id),
    constraint referral_from foreign key (municipality_id, from_agency_id) references agency (municipality_id, id),
    constraint referral_to foreign key (municipality_id, to_agency_id) references agency (municipality_id, id),
    constraint referral_suggested foreign key (municipality_id, suggested_agency_id) references agency (municipality_id, id),
    constraint referral_not_to_self check (from_agency_id <> to_agency_id)
);

create sequence referral_number_seq;
create index referral_to on referral (municipality_id, to_agency_id, status);
create index referral_from on referral (municipality_id, from_agency_id, status);
create index referral_household on referral (municipality_id, household_id);
create index referral_open on referral (municipality_id, status, desired_response_date) where overdue_since is null;

create table referral_person (
    municipality_id uuid not null,
    referral_id     uuid not null references referral (id),
    person_id       uuid not null,
    primary key (municipality_id, referral_id, person_id),
    constraint referral_person_person foreign key (municipality_id, person_id) references person (municipality_id, id)
);

create table referral_issue (
    municipality_id uuid        not null,
    referral_id     uuid        not null references referral (id),
    issue_code      varchar(40) not null,
    primary key (municipality_id, referral_id, issue_code),
    constraint referral_issue_code foreign key (municipality_id, issue_code) references issue_code (municipality_id, code)
);

-- Every change of state: who, when, why. Append-only like the audit trail.
create table referral_event (
    municipality_id uuid         not null,
    id              uuid         not null,
    referral_id     uuid         not null references referral (id),
    occurred_at     timestamptz  not null,
    actor_username  varchar(100) not null,
    actor_agency_id uuid,
    kind            varchar(30)  not null,
    from_status     varchar(20),
    to_status       varchar(20),
    note            text,
    primary key (municipality_id, id)
);

create index referral_event_referral on referral_event (municipality_id, referral_id, occurred_at);

-- In-app notifications: to an agency's staff, or to the municipality's coordinators. They never hold personal data.
create table notification (
    municipality_id  uuid         not null references municipality (id),
    id               uuid         not null,
    agency_id        uuid,
    for_coordinators boolean      not null default false,
    kind             varchar(40)  not null,
    referral_id      uuid         references referral (id),
    reference        varchar(40)  not null,
    created_at       timestamptz  not null,
    created_by       varchar(100) not null,
    updated_at       timestamptz  not null,
    updated_by       varchar(100) not null,
    version          integer      not null default 0,
    primary key (municipality_id, id),
    constraint notification_id_unique unique (id),
    constraint notification_audience check (agency_id is not null or for_coordinators)
);

create index notification_agency on notification (municipality_id, agency_id, created_at desc);
create index notification_coordinators on notification (municipality_id, created_at desc) where for_coordinators;

create table notification_read (
    municipality_id uuid        not null,
    notification_id uuid        not null references notification (id),
    account_id      uuid        not null,
    read_at         timestamptz not null,
    primary key (municipality_id, notification_id, account_id)
);
