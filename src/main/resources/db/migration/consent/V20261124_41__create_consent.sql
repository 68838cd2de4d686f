-- 本人同意: a person's (or their representative's) consent to share information about the named household members
-- with the named agencies for the named purposes. Withdrawal keeps the row and ends the sharing at once.
create table consent (
    municipality_id         uuid          not null references municipality (id),
    id                      uuid          not null,
    household_id            uuid          not null,
    person_ids              uuid[]        not null,
    given_by                varchar(20)   not null,
    representative_name     varchar(100),
    representative_relation varchar(100),
    agency_ids              uuid[]        not null,
    purposes                varchar(40)[] not null,
    method                  varchar(30)   not null,
    witness                 varchar(100),
    given_on                date          not null,
    valid_until             date,
    note                    varchar(500),
    recorded_by_agency_id   uuid          not null,
    withdrawn_on            date,
    withdrawn_at            timestamptz,
    withdrawal_method       varchar(30),
    withdrawal_reason       text,
    withdrawn_by            varchar(100),
    created_at              timestamptz   not null,
    created_by              varchar(100)  not null,
    updated_at              timestamptz   not null,
    updated_by              varchar(100)  not null,
    version                 integer       not null default 0,
    primary key (municipality_id, id),
    constraint consent_id_unique unique (id),
    constraint consent_household foreign key (municipality_id, household_id) references household (municipality_id, id),
    constraint consent_recorded_by foreign key (municipality_id, recorded_by_agency_id) references agency (municipality_id, id),
    constraint consent_period check (valid_until is null or valid_until >= given_on),
    constraint consent_representative check (given_by <> 'REPRESENTATIVE' or representative_name is not null)
);

create index consent_household on consent (municipality_id, household_id, given_on desc);
create index consent_agencies on consent using gin (agency_ids);
