create table staff_account (
    municipality_id    uuid         not null references municipality (id),
    id                 uuid         not null,
    username           varchar(60)  not null,
    display_name       varchar(100) not null,
    display_name_kana  varchar(200),
    email              varchar(200),
    agency_id          uuid         not null,
    password_hash      varchar(200) not null,
    enabled            boolean      not null default true,
    -- login bookkeeping, written by the login flow outside the aggregate's version
    failed_login_count integer      not null default 0,
    locked_until       timestamptz,
    last_login_at      timestamptz,
    created_at         timestamptz  not null,
    created_by         varchar(100) not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(100) not null,
    version            integer      not null default 0,
    primary key (municipality_id, id),
    constraint staff_account_id_unique unique (id),
    -- one login name across the installation: the login form does not ask for a municipality
    constraint staff_account_username_unique unique (username),
    constraint staff_account_agency foreign key (municipality_id, agency_id) references agency (municipality_id, id)
);

create table staff_role (
    municipality_id uuid        not null,
    account_id      uuid        not null references staff_account (id) on delete cascade,
    role            varchar(40) not null,
    primary key (municipality_id, account_id, role)
);
