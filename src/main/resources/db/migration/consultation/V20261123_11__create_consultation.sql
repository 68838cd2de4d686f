-- 相談内容 categories: data, so that a municipality can add its own. name_ja/name_en are shown on screen.
create table issue_code (
    municipality_id uuid         not null references municipality (id),
    id              uuid         not null,
    code            varchar(40)  not null,
    name_ja         varchar(100) not null,
    name_en         varchar(100) not null,
    sort_order      integer      not null default 0,
    active          boolean      not null default true,
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(100) not null,
    version         integer      not null default 0,
    primary key (municipality_id, id),
    constraint issue_code_unique unique (municipality_id, code)
);

-- 相談受付: one consultation received at a counter about a household.
create table consultation (
    municipality_id    uuid         not null references municipality (id),
    id                 uuid         not null,
    household_id       uuid         not null,
    agency_id          uuid         not null,
    counter_id         uuid,
    received_at        timestamptz  not null,
    channel            varchar(30)  not null,
    consulter_type     varchar(30)  not null,
    consulter_relation varchar(100),
    urgency            varchar(20)  not null,
    own_words          text,
    wishes             text,
    consent_status     varchar(20)  not null,
    consent_date       date,
    consent_scope      varchar(500),
    first_response     varchar(30)  not null,
    referred_agency_id uuid,
    response_note      text,
    submission_token   uuid         not null,
    created_at         timestamptz  not null,
    created_by         varchar(100) not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(100) not null,
    version            integer      not null default 0,
    primary key (municipality_id, id),
    constraint consultation_id_unique unique (id),
    -- a form submitted twice (double click, reload) creates one consultation
    constraint consultation_submission_unique unique (municipality_id, submission_token),
    constraint consultation_household foreign key (municipality_id, household_id) references household (municipality_id, id),
    constraint consultation_agency foreign key (municipality_id, agency_id) references agency (municipality_id, id),
    constraint consultation_counter foreign key (municipality_id, counter_id) references consultation_counter (municipality_id, id),
    constraint consultation_referred foreign key (municipality_id, referred_agency_id) references agency (municipality_id, id)
);

create index consultation_household on consultation (municipality_id, household_id, received_at desc);
create index consultation_agency on consultation (municipality_id, agency_id, received_at desc);

create table consultation_issue (
    municipality_id uuid        not null,
    consultation_id uuid        not null references consultation (id),
    issue_code      varchar(40) not null,
    main            boolean     not null default false,
    primary key (municipality_id, consultation_id, issue_code),
    constraint consultation_issue_code foreign key (municipality_id, issue_code) references issue_code (municipality_id, code)
);

create unique index consultation_one_main_issue on consultation_issue (municipality_id, consultation_id) where main;

create table consultation_person (
    municipality_id uuid not null,
    consultation_id uuid not null references consultation (id),
    person_id       uuid not null,
    primary key (municipality_id, consultation_id, person_id),
    constraint consultation_person_person foreign key (municipality_id, person_id) references person (municipality_id, id)
);
