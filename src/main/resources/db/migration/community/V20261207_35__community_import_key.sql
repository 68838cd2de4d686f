-- The key an import file carries for a place or activity (活動番号, decision 0036): the same number imported again
-- finds the entry it created and changes nothing.
create table community_import_key (
    municipality_id uuid not null,
    external_key varchar(40) not null,
    activity_id uuid not null,
    created_at timestamp with time zone not null,
    created_by varchar(100) not null,
    primary key (municipality_id, external_key),
    foreign key (municipality_id, activity_id) references community_activity (municipality_id, id)
);
