-- 支援措置: a person protected from someone who must not learn where they live (DV, stalking, child abuse). The row
-- is never deleted: ending a protection sets ended_at/ended_by/end_reason, so the history stays.
create table protection (
    municipality_id   uuid         not null references municipality (id),
    id                uuid         not null,
    person_id         uuid         not null,
    kind              varchar(20)  not null check (kind in ('DV', 'STALKING', 'CHILD_ABUSE', 'OTHER')),
    valid_from        date         not null,
    valid_until       date,
    requesting_office varchar(200) not null,
    note              text,
    ended_at          timestamptz,
    ended_by          varchar(100),
    end_reason        varchar(500),
    created_at        timestamptz  not null,
    created_by        varchar(100) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(100) not null,
    version           integer      not null default 0,
    primary key (municipality_id, id),
    constraint protection_id_unique unique (id),
    constraint protection_period check (valid_until is null or valid_until >= valid_from),
    constraint protection_person foreign key (municipality_id, person_id) references person (municipality_id, id)
);

create index protection_person_idx on protection (municipality_id, person_id);

-- Household members named in the protection (e.g. the children who fled with the mother): masked as well.
create table protection_member (
    municipality_id uuid         not null references municipality (id),
    protection_id   uuid         not null,
    person_id       uuid         not null,
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(100) not null,
    version         integer      not null default 0,
    primary key (municipality_id, protection_id, person_id),
    constraint protection_member_protection foreign key (municipality_id, protection_id)
        references protection (municipality_id, id),
    constraint protection_member_person foreign key (municipality_id, person_id) references person (municipality_id, id)
);

create index protection_member_person_idx on protection_member (municipality_id, person_id);

-- Whether a person is masked, kept on the person by triggers (like visible_agencies) so that every query that reads
-- person rows sees it, and search can leave protected persons out of address and phone matches with one condition.
-- A protection masks from the day it is recorded until it is ended: its end date alone does not unmask (a lapsed
-- 支援措置 is listed for review instead), so a forgotten renewal never reveals an address.
alter table person add column protected boolean not null default false;

create function person_is_protected(person uuid) returns boolean language sql stable as $$
    select exists (select 1 from protection p where p.person_id = person and p.ended_at is null)
        or exists (select 1 from protection_member pm
                   join protection p on p.municipality_id = pm.municipality_id and p.id = pm.protection_id
                   where pm.person_id = person and p.ended_at is null)
$$;

create function protection_refresh_person() returns trigger language plpgsql as $$
begin
    update person set protected = person_is_protected(new.person_id) where id = new.person_id;
    update person set protected = person_is_protected(id)
    where id in (select pm.person_id from protection_member pm
                 where pm.municipality_id = new.municipality_id and pm.protection_id = new.id);
    return null;
end;
$$;

create trigger protection_person_flag
    after insert or update on protection
    for each row execute function protection_refresh_person();

create function protection_member_refresh_person() returns trigger language plpgsql as $$
begin
    update person set protected = person_is_protected(new.person_id) where id = new.person_id;
    return null;
end;
$$;

create trigger protection_member_person_flag
    after insert on protection_member
    for each row execute function protection_member_refresh_person();

-- Protection rows are never deleted (history); ending is an update.
create function protection_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'protection rows are ended, never deleted';
end;
$$;

create trigger protection_kept
    before delete on protection
    for each row execute function protection_is_kept();
