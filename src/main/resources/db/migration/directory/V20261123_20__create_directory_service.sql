-- A service an agency offers (Open Referral HSDS "service"): what it handles, for whom, where and when.
create table support_service (
    municipality_id   uuid         not null references municipality (id),
    id                uuid         not null,
    agency_id         uuid         not null,
    code              varchar(40)  not null,
    name              varchar(150) not null,
    name_kana         varchar(300),
    description       text,
    min_age           smallint     check (min_age between 0 and 130),
    max_age           smallint     check (max_age between 0 and 130),
    hours             varchar(300),
    fees              varchar(300),
    accessibility     varchar(300),
    phone             varchar(40),
    email             varchar(200),
    accepts_referrals boolean      not null default true,
    active            boolean      not null default true,
    created_at        timestamptz  not null,
    created_by        varchar(100) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(100) not null,
    version           integer      not null default 0,
    primary key (municipality_id, id),
    constraint support_service_id_unique unique (id),
    constraint support_service_code_unique unique (municipality_id, agency_id, code),
    constraint support_service_agency foreign key (municipality_id, agency_id) references agency (municipality_id, id),
    constraint support_service_age_range check (min_age is null or max_age is null or min_age <= max_age)
);

create index support_service_agency_idx on support_service (municipality_id, agency_id);

-- The rows below are children of the support_service aggregate: rewritten and versioned with it.

-- The issue codes (相談内容) the service handles.
create table support_service_issue (
    municipality_id uuid        not null,
    service_id      uuid        not null,
    issue_code      varchar(40) not null,
    primary key (municipality_id, service_id, issue_code),
    constraint support_service_issue_service foreign key (municipality_id, service_id)
        references support_service (municipality_id, id) on delete cascade,
    constraint support_service_issue_code foreign key (municipality_id, issue_code)
        references issue_code (municipality_id, code)
);

create index support_service_issue_code_idx on support_service_issue (municipality_id, issue_code);

-- The areas it serves (HSDS service_area); none means the whole municipality.
create table support_service_area (
    municipality_id uuid not null,
    service_id      uuid not null,
    area_id         uuid not null,
    primary key (municipality_id, service_id, area_id),
    constraint support_service_area_service foreign key (municipality_id, service_id)
        references support_service (municipality_id, id) on delete cascade,
    constraint support_service_area_area foreign key (municipality_id, area_id) references area (municipality_id, id)
);

-- The counters (相談窓口, HSDS location) where it is offered (HSDS service_at_location).
create table support_service_counter (
    municipality_id uuid not null,
    service_id      uuid not null,
    counter_id      uuid not null,
    primary key (municipality_id, service_id, counter_id),
    constraint support_service_counter_service foreign key (municipality_id, service_id)
        references support_service (municipality_id, id) on delete cascade,
    constraint support_service_counter_counter foreign key (municipality_id, counter_id)
        references consultation_counter (municipality_id, id)
);

-- The languages it is offered in (ServiceLanguage names).
create table support_service_language (
    municipality_id uuid        not null,
    service_id      uuid        not null,
    language        varchar(40) not null,
    primary key (municipality_id, service_id, language),
    constraint support_service_language_service foreign key (municipality_id, service_id)
        references support_service (municipality_id, id) on delete cascade
);
