-- An optional photo of a place or activity (#15): stored re-encoded (so no EXIF/GPS or other metadata survives), at
-- most 1,200 px on its longer side. A photo is never changed: a new upload is a new row, so the public address of a
-- photo can be cached for long. The working copy names its photo; publishing copies the name to the published copy.
create table community_photo (
    municipality_id uuid          not null references municipality (id),
    id              uuid          not null,
    activity_id     uuid          not null,
    content_type    varchar(20)   not null,
    bytes           bytea         not null,
    width           integer       not null check (width > 0),
    height          integer       not null check (height > 0),
    created_at      timestamptz   not null,
    created_by      varchar(100)  not null,
    updated_at      timestamptz   not null,
    updated_by      varchar(100)  not null,
    version         integer       not null default 0,
    primary key (municipality_id, id),
    constraint community_photo_activity foreign key (municipality_id, activity_id)
        references community_activity (municipality_id, id),
    constraint community_photo_type check (content_type in ('image/jpeg', 'image/png'))
);

create index community_photo_activity on community_photo (municipality_id, activity_id);

-- the same columns on both copies, in the same order (publishing copies the row as it is)
alter table community_activity add column photo_id uuid;
alter table community_activity add column photo_alt varchar(300);
alter table community_activity_published add column photo_id uuid;
alter table community_activity_published add column photo_alt varchar(300);
