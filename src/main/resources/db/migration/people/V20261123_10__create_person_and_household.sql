create extension if not exists pg_trgm;

-- A person (本人 or household member). What the user typed is kept as typed; *_key columns hold the normalised
-- forms that search uses (width, kana, variant kanji, romaji and long vowels folded; see shared.text).
create table person (
    municipality_id    uuid         not null references municipality (id),
    id                 uuid         not null,
    owner_agency_id    uuid         not null,
    family_name        varchar(100) not null,
    given_name         varchar(100),
    family_name_kana   varchar(200) not null,
    given_name_kana    varchar(200),
    former_names       varchar(500),
    sex                varchar(20)  not null,
    birth_date         date,
    deceased_on        date,
    address            varchar(300),
    area_id            uuid,
    living_situation   varchar(40),
    phone              varchar(40),
    email              varchar(200),
    nationality        varchar(60),
    preferred_language varchar(60),
    note               text,
    name_key           varchar(300) not null,
    reading_key        varchar(400) not null,
    loose_reading_key  varchar(400) not null,
    former_name_keys   varchar(800) not null default '',
    phone_key          varchar(20),
    address_key        varchar(300),
    created_at         timestamptz  not null,
    created_by         varchar(100) not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(100) not null,
    version            integer      not null default 0,
    primary key (municipality_id, id),
    constraint person_id_unique unique (id),
    constraint person_area foreign key (municipality_id, area_id) references area (municipality_id, id),
    constraint person_owner foreign key (municipality_id, owner_agency_id) references agency (municipality_id, id)
);

create index person_name_trgm on person using gin (name_key gin_trgm_ops);
create index person_name_prefix on person (municipality_id, name_key text_pattern_ops);
create index person_former_trgm on person using gin (former_name_keys gin_trgm_ops);
create index person_reading_trgm on person using gin (loose_reading_key gin_trgm_ops);
create index person_reading_prefix on person (municipality_id, loose_reading_key text_pattern_ops);
create index person_birth_date on person (municipality_id, birth_date);
create index person_phone on person (municipality_id, phone_key);
create index person_address_trgm on person using gin (address_key gin_trgm_ops);

-- 世帯: the unit of support. case_number is what staff write on paper and say on the phone.
create table household (
    municipality_id uuid         not null references municipality (id),
    id              uuid         not null,
    case_number     varchar(20)  not null,
    name            varchar(100) not null,
    address         varchar(300),
    address_key     varchar(300),
    area_id         uuid,
    owner_agency_id uuid         not null,
    note            text,
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(100) not null,
    version         integer      not null default 0,
    primary key (municipality_id, id),
    constraint household_id_unique unique (id),
    constraint household_case_number_unique unique (municipality_id, case_number),
    constraint household_area foreign key (municipality_id, area_id) references area (municipality_id, id),
    constraint household_owner foreign key (municipality_id, owner_agency_id) references agency (municipality_id, id)
);

create sequence household_case_number_seq;

-- Membership keeps history: a member who moves out or dies gets member_to and an end reason; the row stays.
create table household_member (
    municipality_id uuid         not null references municipality (id),
    id              uuid         not null,
    household_id    uuid         not null,
    person_id       uuid         not null,
    relationship    varchar(30)  not null,
    lives_together  boolean      not null default true,
    member_from     date,
    member_to       date,
    end_reason      varchar(30),
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(100) not null,
    version         integer      not null default 0,
    primary key (municipality_id, id),
    constraint household_member_id_unique unique (id),
    constraint household_member_household foreign key (municipality_id, household_id) references household (municipality_id, id),
    constraint household_member_person foreign key (municipality_id, person_id) references person (municipality_id, id),
    constraint household_member_period check (member_to is null or member_from is null or member_to >= member_from)
);

create index household_member_household on household_member (municipality_id, household_id);
create index household_member_person on household_member (municipality_id, person_id);

-- The agencies involved with a household (the one that registered it, those that recorded consultations about it):
-- the record scope that access decisions use until consent-based sharing arrives.
create table household_agency (
    municipality_id uuid         not null references municipality (id),
    household_id    uuid         not null,
    agency_id       uuid         not null,
    reason          varchar(30)  not null,
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(100) not null,
    version         integer      not null default 0,
    primary key (municipality_id, household_id, agency_id),
    constraint household_agency_household foreign key (municipality_id, household_id) references household (municipality_id, id)
);

create index household_agency_agency on household_agency (municipality_id, agency_id, household_id);
