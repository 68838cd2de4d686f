-- The tenant. Every table carries municipality_id; for this table it is the row's own id.
create table municipality (
    municipality_id uuid         not null,
    id              uuid         not null,
    code            varchar(6)   not null,
    name            varchar(100) not null,
    name_kana       varchar(200),
    prefecture      varchar(20),
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(100) not null,
    version         integer      not null default 0,
    primary key (municipality_id, id),
    constraint municipality_is_its_own_tenant check (municipality_id = id),
    constraint municipality_code_unique unique (code),
    constraint municipality_id_unique unique (id)
);
