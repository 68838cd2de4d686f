-- What an import created, by the key the file carries (宛名番号, 世帯番号 of a legacy system or a 住民基本台帳 extract):
-- a second run of the same file finds every key here and changes nothing. Kept by the imports module, so that the
-- imported tables (person, household) stay as the people module defines them.
create table imported_record (
    municipality_id uuid         not null references municipality (id),
    kind            varchar(20)  not null,
    external_key    varchar(100) not null,
    record_id       uuid         not null,
    import_id       uuid         not null,
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    primary key (municipality_id, kind, external_key),
    constraint imported_record_kind check (kind in ('PERSON', 'HOUSEHOLD'))
);

create index imported_record_record on imported_record (municipality_id, record_id);
