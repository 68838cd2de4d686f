create table area (
    municipality_id uuid         not null references municipality (id),
    id              uuid         not null,
    parent_id       uuid,
    level           varchar(40)  not null,
    code            varchar(40)  not null,
    name            varchar(100) not null,
    name_kana       varchar(200),
    population      integer check (population >= 0),
    households      integer check (households >= 0),
    active          boolean      not null default true,
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(100) not null,
    version         integer      not null default 0,
    primary key (municipality_id, id),
    constraint area_id_unique unique (id),
    constraint area_code_unique unique (municipality_id, code),
    constraint area_parent foreign key (municipality_id, parent_id) references area (municipality_id, id)
);

create index area_parent_idx on area (municipality_id, parent_id);
