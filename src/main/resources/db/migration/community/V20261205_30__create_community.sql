-- 地域づくり: the groups behind places and activities, the activities themselves (居場所 and volunteer opportunities,
-- each with its venue and a small recurrence rule), their published copies, and residents' interest messages.

-- 地区社協, 自治会, NPO, volunteer groups, businesses, schools; an organiser account keeps the group's entries current
create table community_group (
    municipality_id      uuid          not null references municipality (id),
    id                   uuid          not null,
    name                 varchar(200)  not null,
    name_kana            varchar(300),
    kind                 varchar(40)   not null,
    area_id              uuid,
    description          varchar(2000),
    contact              varchar(300),
    organiser_account_id uuid,
    created_at           timestamptz   not null,
    created_by           varchar(100)  not null,
    updated_at           timestamptz   not null,
    updated_by           varchar(100)  not null,
    version              integer       not null default 0,
    primary key (municipality_id, id),
    constraint community_group_id_unique unique (id),
    constraint community_group_name_unique unique (municipality_id, name),
    constraint community_group_area foreign key (municipality_id, area_id) references area (municipality_id, id),
    constraint community_group_organiser foreign key (municipality_id, organiser_account_id)
        references staff_account (municipality_id, id),
    constraint community_group_kind check (kind in ('DISTRICT_COUNCIL', 'NEIGHBOURHOOD_ASSOCIATION', 'NPO',
        'VOLUNTEER_GROUP', 'BUSINESS', 'SCHOOL', 'OTHER'))
);

create index community_group_organiser on community_group (municipality_id, organiser_account_id);

-- The working copy an organiser edits. Residents never read this table: they read community_activity_published,
-- which a reviewer (社協 staff or a coordinator) fills by publishing a reviewed working copy.
create table community_activity (
    municipality_id  uuid          not null references municipality (id),
    id               uuid          not null,
    group_id         uuid          not null,
    kind             varchar(40)   not null,
    volunteer        boolean       not null default false,
    name             varchar(200)  not null,
    name_kana        varchar(300),
    description      varchar(2000) not null,
    help_wanted      varchar(1000),
    area_id          uuid          not null,
    venue            varchar(200)  not null,
    address          varchar(300)  not null,
    directions       varchar(1000),
    targets          varchar(200)  not null,
    cost_yen         integer       check (cost_yen >= 0),
    cost_note        varchar(200),
    capacity         integer       check (capacity > 0),
    step_free        boolean       not null default false,
    accessible_toilet boolean      not null default false,
    parking          boolean       not null default false,
    languages        varchar(100)  not null default 'ja',
    contact_name     varchar(100),
    contact_phone    varchar(30),
    contact_email    varchar(200),
    -- the recurrence rule: WEEKLY on weekdays (MON,TUE,..) or MONTHLY on the nth weeks' weekday (2 / 2,4; 5 = last)
    schedule_kind    varchar(20)   not null,
    weekdays         varchar(40)   not null,
    nth_weeks        varchar(20),
    start_time       time          not null,
    end_time         time          not null,
    cancelled_dates  varchar(2000) not null default '',
    schedule_note    varchar(300),
    status           varchar(20)   not null,
    review_state     varchar(20)   not null,
    review_note      varchar(1000),
    reviewed_at      timestamptz,
    reviewed_by      varchar(100),
    confirmed_at     timestamptz   not null,
    created_at       timestamptz   not null,
    created_by       varchar(100)  not null,
    updated_at       timestamptz   not null,
    updated_by       varchar(100)  not null,
    version          integer       not null default 0,
    primary key (municipality_id, id),
    constraint community_activity_id_unique unique (id),
    constraint community_activity_kind check (kind in ('SALON', 'CHILDREN_CAFETERIA', 'ENGAWA', 'COMMUNITY_CAFE',
        'PARENTING_PLAZA', 'KAYOI_NO_BA', 'LEARNING', 'VOLUNTEER_WORK', 'OTHER')),
    constraint community_activity_schedule check (schedule_kind in ('WEEKLY', 'MONTHLY')),
    constraint community_activity_status check (status in ('OPEN', 'PAUSED', 'CLOSED')),
    constraint community_activity_review check (review_state in ('PENDING', 'RETURNED', 'PUBLISHED')),
    constraint community_activity_time check (start_time < end_time)
);

-- the copy residents read: the same columns (a later migration that adds a column adds it to both)
create table community_activity_published (like community_activity including defaults including constraints);
alter table community_activity_published add primary key (municipality_id, id);

alter table community_activity add constraint community_activity_group
    foreign key (municipality_id, group_id) references community_group (municipality_id, id);
alter table community_activity add constraint community_activity_area
    foreign key (municipality_id, area_id) references area (municipality_id, id);

create index community_activity_group on community_activity (municipality_id, group_id);
create index community_activity_review on community_activity (municipality_id, review_state);
create index community_activity_published_area on community_activity_published (municipality_id, area_id);

-- 参加・協力の申し出: a resident's message about an activity (no account). Kept for a limited time, then deleted by
-- a scheduled job; the client address is kept only as a keyed hash, for the rate limit.
create table community_interest (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    activity_id     uuid          not null,
    name            varchar(100)  not null,
    contact         varchar(200)  not null,
    message         varchar(1000) not null,
    client_hash     varchar(64)   not null,
    status          varchar(20)   not null,
    answer          varchar(1000),
    answered_at     timestamptz,
    answered_by     varchar(100),
    delete_after    timestamptz   not null,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint community_interest_id_unique unique (id),
    constraint community_interest_activity foreign key (municipality_id, activity_id)
        references community_activity (municipality_id, id),
    constraint community_interest_status check (status in ('NEW', 'ANSWERED', 'HANDLED'))
);

create index community_interest_activity on community_interest (municipality_id, activity_id, created_at desc);
create index community_interest_client on community_interest (municipality_id, client_hash, created_at);
create index community_interest_expiry on community_interest (municipality_id, delete_after);
