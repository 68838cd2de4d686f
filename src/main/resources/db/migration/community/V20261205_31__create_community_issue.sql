-- 地域生活課題: a problem shared in an area, with the figures that show it (counts by issue code, small counts kept
-- only as "fewer than 5"), discussed at area meetings (地域ケア会議, 地区福祉推進会議, 三者懇談会) with actions, and fed
-- back to residents when the meeting decides so. Nothing here names a person.
create table community_issue (
    municipality_id    uuid          not null references municipality (id),
    id                 uuid          not null,
    area_id            uuid          not null,
    title              varchar(200)  not null,
    description        varchar(4000) not null,
    period_from        date          not null,
    period_to          date          not null,
    -- "ISSUE_CODE=consultations/cases" per line; -1 stands for a count below 5
    evidence           varchar(4000) not null default '',
    proposed_by        varchar(20)   not null,
    status             varchar(20)   not null,
    feedback           varchar(2000),
    feedback_published boolean       not null default false,
    created_at         timestamptz   not null,
    created_by         varchar(100)  not null,
    updated_at         timestamptz   not null,
    updated_by         varchar(100)  not null,
    version            integer       not null default 0,
    primary key (municipality_id, id),
    constraint community_issue_id_unique unique (id),
    constraint community_issue_area foreign key (municipality_id, area_id) references area (municipality_id, id),
    constraint community_issue_proposed check (proposed_by in ('CSW', 'MEETING')),
    constraint community_issue_status check (status in ('OPEN', 'DECIDED', 'CLOSED')),
    constraint community_issue_period check (period_from <= period_to)
);

create index community_issue_area on community_issue (municipality_id, area_id);

create table area_meeting (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    issue_id        uuid          not null,
    kind            varchar(30)   not null,
    held_on         date          not null,
    organisations   varchar(1000) not null,
    minutes         varchar(4000) not null,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint area_meeting_id_unique unique (id),
    constraint area_meeting_issue foreign key (municipality_id, issue_id) references community_issue (municipality_id, id),
    constraint area_meeting_kind check (kind in ('COMMUNITY_CARE', 'DISTRICT_WELFARE', 'THREE_PARTY'))
);

create index area_meeting_issue on area_meeting (municipality_id, issue_id, held_on);

create table area_meeting_action (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    meeting_id      uuid          not null,
    description     varchar(500)  not null,
    owner           varchar(200)  not null,
    due_on          date,
    status          varchar(20)   not null,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint area_meeting_action_id_unique unique (id),
    constraint area_meeting_action_meeting foreign key (municipality_id, meeting_id)
        references area_meeting (municipality_id, id),
    constraint area_meeting_action_status check (status in ('OPEN', 'DONE'))
);

create index area_meeting_action_meeting on area_meeting_action (municipality_id, meeting_id);
