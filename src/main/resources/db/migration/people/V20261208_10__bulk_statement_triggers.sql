-- The bulk registration (decision 0035) writes each batch of households' involvements and persons in one statement
-- (bench/README.md, "Import benchmark"). Two row triggers cost more than the rows they guard:
--
-- 1. The involvement trigger ran an UPDATE per involvement, planned anew for every row (force_custom_plan): about
--    0.1 ms per household of an import, whose new households have no member yet, so that nothing was ever updated.
--    It now runs once per statement over the involvements inserted (a transition table): the persons who are members
--    of their households get the agencies they lack, as before (an involvement already ended gives nothing). For the
--    one-row statements of registration and consent nothing changes.
-- 2. The person's BEFORE INSERT trigger computed array(select distinct unnest(...)) for every person (a query each
--    time); a new person's array is empty but for the owner agency, which is now set directly. The same value.

drop trigger household_agency_visibility on household_agency;

create or replace function household_agency_refresh_visibility() returns trigger language plpgsql as $$
begin
    update person p
    set visible_agencies = p.visible_agencies
        || array(select a from unnest(v.agencies) a where not (p.visible_agencies @> array[a]))
    from (select m.municipality_id, m.person_id, array_agg(distinct n.agency_id) as agencies
          from new_involvements n
          join household_member m on m.municipality_id = n.municipality_id and m.household_id = n.household_id
          where n.ends_at is null or n.ends_at > now()
          group by m.municipality_id, m.person_id) v
    where p.municipality_id = v.municipality_id and p.id = v.person_id
      and not (p.visible_agencies @> v.agencies);
    return null;
end;
$$;

alter function household_agency_refresh_visibility() set plan_cache_mode = force_custom_plan;

create trigger household_agency_visibility
    after insert on household_agency
    referencing new table as new_involvements
    for each statement execute function household_agency_refresh_visibility();

create or replace function person_set_visible_agencies() returns trigger language plpgsql as $$
begin
    if cardinality(new.visible_agencies) = 0 then
        new.visible_agencies := array[new.owner_agency_id];
    else
        new.visible_agencies := array(select distinct unnest(new.visible_agencies || new.owner_agency_id));
    end if;
    return new;
end;
$$;
