-- Which agencies may see a person, kept on the person so that search filters by one indexed condition instead of a
-- look-up per candidate row (bench/README.md): the owner agency and every agency involved with one of the person's
-- households. Maintained by triggers, so no code path can forget it.
alter table person add column visible_agencies uuid[] not null default '{}';

create function person_visible_agencies(person uuid) returns uuid[] language sql stable as $$
    select array(
        select p.owner_agency_id from person p where p.id = person
        union
        select ha.agency_id from household_member m
        join household_agency ha on ha.municipality_id = m.municipality_id and ha.household_id = m.household_id
        where m.person_id = person)
$$;

create function person_set_visible_agencies() returns trigger language plpgsql as $$
begin
    new.visible_agencies := array(select distinct unnest(new.visible_agencies || new.owner_agency_id));
    return new;
end;
$$;

create trigger person_visible_agencies_on_insert
    before insert on person
    for each row execute function person_set_visible_agencies();

create function household_member_refresh_visibility() returns trigger language plpgsql as $$
begin
    update person set visible_agencies = person_visible_agencies(new.person_id) where id = new.person_id;
    return null;
end;
$$;

create trigger household_member_visibility
    after insert on household_member
    for each row execute function household_member_refresh_visibility();

create function household_agency_refresh_visibility() returns trigger language plpgsql as $$
begin
    update person p set visible_agencies = p.visible_agencies || new.agency_id
    where p.id in (select m.person_id from household_member m
                   where m.municipality_id = new.municipality_id and m.household_id = new.household_id)
      and not (p.visible_agencies @> array[new.agency_id]);
    return null;
end;
$$;

create trigger household_agency_visibility
    after insert on household_agency
    for each row execute function household_agency_refresh_visibility();

-- one pass over existing persons: owner plus the agencies involved with any of their households
update person p set visible_agencies = array(select distinct unnest(v.agencies || p.owner_agency_id))
from (select m.person_id, array_agg(ha.agency_id) as agencies
      from household_member m
      join household_agency ha on ha.municipality_id = m.municipality_id and ha.household_id = m.household_id
      group by m.person_id) v
where v.person_id = p.id;
update person set visible_agencies = array[owner_agency_id] where visible_agencies = '{}';

create index person_visible_agencies on person using gin (visible_agencies);
