-- 見守り依頼: a professional asks a named volunteer (民生委員・児童委員) to keep an eye on a household. While the request
-- is active (not ended, not past its last day) the volunteer reads the household's names, ages and address — nothing
-- else. Ending it ends the volunteer's access at once.
create table watch_request (
    municipality_id        uuid          not null references municipality (id),
    id                     uuid          not null,
    household_id           uuid          not null,
    volunteer_account_id   uuid          not null,
    requested_by_agency_id uuid          not null,
    watch_for              varchar(1000) not null,
    frequency              varchar(200)  not null,
    valid_until            date,
    basis                  varchar(20)   not null,
    basis_note             varchar(300),
    ended_at               timestamptz,
    ended_by               varchar(100),
    created_at             timestamptz   not null,
    created_by             varchar(100)  not null,
    updated_at             timestamptz   not null,
    updated_by             varchar(100)  not null,
    version                integer       not null default 0,
    primary key (municipality_id, id),
    constraint watch_request_id_unique unique (id),
    constraint watch_request_household foreign key (municipality_id, household_id) references household (municipality_id, id),
    constraint watch_request_volunteer foreign key (municipality_id, volunteer_account_id) references staff_account (municipality_id, id),
    constraint watch_request_agency foreign key (municipality_id, requested_by_agency_id) references agency (municipality_id, id),
    constraint watch_request_basis check (basis in ('CONSENT', 'SUPPORT_MEETING'))
);

create index watch_request_volunteer on watch_request (municipality_id, volunteer_account_id) where ended_at is null;
create index watch_request_household on watch_request (municipality_id, household_id);

-- what the professional chose to share with the volunteer, a note at a time
create table watch_note (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    request_id      uuid          not null,
    text            varchar(1000) not null,
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint watch_note_id_unique unique (id),
    constraint watch_note_request foreign key (municipality_id, request_id) references watch_request (municipality_id, id)
);

create index watch_note_request on watch_note (municipality_id, request_id, created_at);

-- 気になること: what a volunteer noticed, about a watched household or a resident not known yet, sent to an agency.
-- The volunteer sees what they wrote and its state; what the agency records on taking it up stays with the agency.
create table watch_concern (
    municipality_id      uuid          not null references municipality (id),
    id                   uuid          not null,
    raised_by_account_id uuid          not null,
    request_id           uuid,
    household_id         uuid,
    about_who            varchar(200)  not null,
    location             varchar(300),
    noticed              varchar(2000) not null,
    urgency              varchar(20)   not null,
    to_agency_id         uuid          not null,
    status               varchar(20)   not null,
    taken_up_at          timestamptz,
    taken_up_by          varchar(100),
    taken_up_note        varchar(1000),
    consultation_id      uuid,
    created_at           timestamptz   not null,
    created_by           varchar(100)  not null,
    updated_at           timestamptz   not null,
    updated_by           varchar(100)  not null,
    version              integer       not null default 0,
    primary key (municipality_id, id),
    constraint watch_concern_id_unique unique (id),
    constraint watch_concern_raised_by foreign key (municipality_id, raised_by_account_id) references staff_account (municipality_id, id),
    constraint watch_concern_request foreign key (municipality_id, request_id) references watch_request (municipality_id, id),
    constraint watch_concern_household foreign key (municipality_id, household_id) references household (municipality_id, id),
    constraint watch_concern_agency foreign key (municipality_id, to_agency_id) references agency (municipality_id, id),
    constraint watch_concern_consultation foreign key (municipality_id, consultation_id) references consultation (municipality_id, id),
    constraint watch_concern_status check (status in ('NEW', 'TAKEN_UP')),
    constraint watch_concern_urgency check (urgency in ('ROUTINE', 'SOON', 'URGENT'))
);

create index watch_concern_inbox on watch_concern (municipality_id, to_agency_id, status, created_at desc);
create index watch_concern_raised_by on watch_concern (municipality_id, raised_by_account_id, created_at desc);
