-- 地域福祉計画 (Social Welfare Act Art. 107): a plan with its basic goal, directions, themes and service types, the
-- measures (施策・事業) with their responsible departments, indicators with yearly targets, the yearly progress cycle
-- (実績・自己評価・課題・次年度の方向性, committee comments, closing) and the ward/district plans (区計画・地区計画).
-- No personal data.

create table welfare_plan (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    name            varchar(200)  not null,
    first_year      integer       not null,
    last_year       integer       not null check (last_year >= first_year),
    basic_goal      varchar(500)  not null,
    copied_from     uuid,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint welfare_plan_id_unique unique (id)
);

-- directions (施策の方向性), themes (取組みテーマ) and service types (サービス類型) of a plan: short numbered lists
create table plan_heading (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    plan_id         uuid          not null,
    kind            varchar(20)   not null check (kind in ('DIRECTION', 'THEME', 'SERVICE_TYPE')),
    number          integer       not null,
    name            varchar(200)  not null,
    primary key (municipality_id, id),
    constraint plan_heading_id_unique unique (id),
    constraint plan_heading_plan foreign key (municipality_id, plan_id) references welfare_plan (municipality_id, id),
    constraint plan_heading_number unique (municipality_id, plan_id, kind, number)
);

-- a department (所管課) of the municipality: a group of staff accounts that answers for its measures
create table plan_department (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    name            varchar(100)  not null,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    primary key (municipality_id, id),
    constraint plan_department_id_unique unique (id),
    constraint plan_department_name unique (municipality_id, name)
);

create table plan_department_member (
    municipality_id uuid          not null references municipality (id),
    department_id   uuid          not null,
    account_id      uuid          not null,
    username        varchar(100)  not null,
    primary key (municipality_id, department_id, account_id),
    constraint plan_department_member_department foreign key (municipality_id, department_id)
        references plan_department (municipality_id, id)
);
create index plan_department_member_account on plan_department_member (municipality_id, account_id);

-- a measure (施策・事業); its number is its key within the plan (imports match on it)
create table plan_measure (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    plan_id         uuid          not null,
    number          varchar(20)   not null,
    name            varchar(200)  not null,
    content         varchar(2000) not null default '',
    direction_id    uuid,
    actors          varchar(20)[] not null default '{}',
    priority        boolean       not null default false,
    search_key      text          not null default '',
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint plan_measure_id_unique unique (id),
    constraint plan_measure_plan foreign key (municipality_id, plan_id) references welfare_plan (municipality_id, id),
    constraint plan_measure_direction foreign key (municipality_id, direction_id)
        references plan_heading (municipality_id, id),
    constraint plan_measure_number unique (municipality_id, plan_id, number)
);

-- a measure's themes and service types (headings) and its responsible departments
create table plan_measure_heading (
    municipality_id uuid          not null references municipality (id),
    measure_id      uuid          not null,
    heading_id      uuid          not null,
    primary key (municipality_id, measure_id, heading_id),
    constraint plan_measure_heading_measure foreign key (municipality_id, measure_id)
        references plan_measure (municipality_id, id) on delete cascade,
    constraint plan_measure_heading_heading foreign key (municipality_id, heading_id)
        references plan_heading (municipality_id, id)
);
create index plan_measure_heading_heading on plan_measure_heading (municipality_id, heading_id);

create table plan_measure_department (
    municipality_id uuid          not null references municipality (id),
    measure_id      uuid          not null,
    department_id   uuid          not null,
    primary key (municipality_id, measure_id, department_id),
    constraint plan_measure_department_measure foreign key (municipality_id, measure_id)
        references plan_measure (municipality_id, id) on delete cascade,
    constraint plan_measure_department_department foreign key (municipality_id, department_id)
        references plan_department (municipality_id, id)
);
create index plan_measure_department_department on plan_measure_department (municipality_id, department_id);

-- an indicator (指標): entered by its department each year, or computed from Marugoto's records by a named computation
create table plan_indicator (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    plan_id         uuid          not null,
    code            varchar(20)   not null,
    name            varchar(200)  not null,
    definition      varchar(1000) not null default '',
    unit            varchar(20)   not null,
    baseline_year   integer       not null,
    baseline_value  numeric(14, 2) not null,
    source          varchar(10)   not null check (source in ('ENTERED', 'COMPUTED')),
    computation     varchar(40),
    department_id   uuid,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint plan_indicator_id_unique unique (id),
    constraint plan_indicator_plan foreign key (municipality_id, plan_id) references welfare_plan (municipality_id, id),
    constraint plan_indicator_department foreign key (municipality_id, department_id)
        references plan_department (municipality_id, id),
    constraint plan_indicator_code unique (municipality_id, plan_id, code),
    constraint plan_indicator_computed check ((source = 'COMPUTED') = (computation is not null))
);

create table plan_indicator_target (
    municipality_id uuid          not null references municipality (id),
    indicator_id    uuid          not null,
    fiscal_year     integer       not null,
    target          numeric(14, 2) not null,
    primary key (municipality_id, indicator_id, fiscal_year),
    constraint plan_indicator_target_indicator foreign key (municipality_id, indicator_id)
        references plan_indicator (municipality_id, id) on delete cascade
);

-- a yearly value: typed for an entered indicator; for a computed one, the figure frozen when its year was closed
create table plan_indicator_value (
    municipality_id uuid          not null references municipality (id),
    indicator_id    uuid          not null,
    fiscal_year     integer       not null,
    value           numeric(14, 2) not null,
    recorded_at     timestamptz   not null,
    recorded_by     varchar(100)  not null,
    primary key (municipality_id, indicator_id, fiscal_year),
    constraint plan_indicator_value_indicator foreign key (municipality_id, indicator_id)
        references plan_indicator (municipality_id, id) on delete cascade
);

-- a year of the progress cycle (進捗管理): opened by the planner, closed (frozen) after the committee's comments
create table plan_year (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    plan_id         uuid          not null,
    fiscal_year     integer       not null,
    status          varchar(10)   not null check (status in ('OPEN', 'CLOSED')),
    committee_comment varchar(4000) not null default '',
    opened_at       timestamptz   not null,
    opened_by       varchar(100)  not null,
    closed_at       timestamptz,
    closed_by       varchar(100),
    reminded_at     timestamptz,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint plan_year_id_unique unique (id),
    constraint plan_year_plan foreign key (municipality_id, plan_id) references welfare_plan (municipality_id, id),
    constraint plan_year_once unique (municipality_id, plan_id, fiscal_year)
);

-- a measure's progress in a year, entered by its department
create table plan_progress (
    municipality_id uuid          not null references municipality (id),
    year_id         uuid          not null,
    measure_id      uuid          not null,
    result          varchar(2000) not null,
    evaluation      char(1)       not null check (evaluation in ('A', 'B', 'C', 'D')),
    issues          varchar(2000) not null default '',
    next_direction  varchar(2000) not null default '',
    entered_at      timestamptz   not null,
    entered_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, year_id, measure_id),
    constraint plan_progress_year foreign key (municipality_id, year_id) references plan_year (municipality_id, id),
    constraint plan_progress_measure foreign key (municipality_id, measure_id)
        references plan_measure (municipality_id, id)
);

-- a ward or district plan (区計画・地区計画) of an area, made by the residents' bodies
create table plan_area_plan (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    plan_id         uuid          not null,
    area_id         uuid          not null,
    name            varchar(200)  not null,
    body            varchar(200)  not null default '',
    primary key (municipality_id, id),
    constraint plan_area_plan_id_unique unique (id),
    constraint plan_area_plan_plan foreign key (municipality_id, plan_id) references welfare_plan (municipality_id, id),
    constraint plan_area_plan_area foreign key (municipality_id, area_id) references area (municipality_id, id),
    constraint plan_area_plan_once unique (municipality_id, plan_id, area_id)
);

-- a priority item (重点取組項目) of a district within a ward plan, with its actions and progress
create table plan_area_item (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    area_plan_id    uuid          not null,
    district_id     uuid          not null,
    title           varchar(200)  not null,
    actions         varchar(2000) not null default '',
    progress        varchar(2000) not null default '',
    status          varchar(12)   not null check (status in ('PLANNED', 'UNDER_WAY', 'DONE')),
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint plan_area_item_id_unique unique (id),
    constraint plan_area_item_plan foreign key (municipality_id, area_plan_id)
        references plan_area_plan (municipality_id, id),
    constraint plan_area_item_district foreign key (municipality_id, district_id) references area (municipality_id, id)
);
