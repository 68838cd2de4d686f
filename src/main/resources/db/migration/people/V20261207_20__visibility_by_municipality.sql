-- The visibility kept on each person (V20261123_50, V20261124_40) cost every registration more the more persons the
-- municipality held (decision 0035, bench/README.md "Import benchmark"): the member trigger called SQL functions
-- (planned again at every call) that looked the person's memberships up by person_id alone, while household_member is
-- indexed by (municipality_id, person_id) since the tables are keyed by their municipality, so every membership written
-- scanned the whole table. Now by the indexes:
-- - the functions find the memberships through the person's own row (its municipality);
-- - the member trigger runs once per statement over the rows it inserted (a transition table) and computes the
--   visibility again only for the persons whose new household brings an agency that may not see them yet; a person
--   who joins a household of their own agency (every registration and import) is left alone. (An agency whose consent
--   has ended stays in the array until the expiry job's recomputation, as before for persons who joined no household.)

create or replace function person_visible_agencies(person uuid, at timestamptz) returns uuid[] language sql stable as $$
    select array(
        select p.owner_agency_id from person p where p.id = person
        union
        select ha.agency_id from person p
        join household_member m on m.municipality_id = p.municipality_id and m.person_id = p.id
        join household_agency ha on ha.municipality_id = m.municipality_id and ha.household_id = m.household_id
        where p.id = person and (ha.ends_at is null or ha.ends_at > at))
$$;

drop trigger household_member_visibility on household_member;

create or replace function household_member_refresh_visibility() returns trigger language plpgsql as $$
begin
    -- only the persons whose new households bring an agency that may not see them yet are computed again
    update person p set visible_agencies = person_visible_agencies(p.id)
    from (select distinct n.municipality_id, n.person_id
          from new_members n
          join household_agency ha on ha.municipality_id = n.municipality_id and ha.household_id = n.household_id
          join person o on o.municipality_id = n.municipality_id and o.id = n.person_id
          where (ha.ends_at is null or ha.ends_at > now()) and not (o.visible_agencies @> array[ha.agency_id])) v
    where p.municipality_id = v.municipality_id and p.id = v.person_id;
    return null;
end;
$$;

create trigger household_member_visibility
    after insert on household_member
    referencing new table as new_members
    for each statement execute function household_member_refresh_visibility();

-- The involvement trigger found the household's members with "person.id in (subquery)": planned when the tables were
-- small, that became a scan of every person for every household registered in a large transaction (an import). A
-- join from the household's memberships (by the index) to their persons (by the primary key) does not depend on it.
create or replace function household_agency_refresh_visibility() returns trigger language plpgsql as $$
begin
    if new.ends_at is not null and new.ends_at <= now() then
        return null;
    end if;
    update person p set visible_agencies = p.visible_agencies || new.agency_id
    from household_member m
    where m.municipality_id = new.municipality_id and m.household_id = new.household_id
      and p.municipality_id = m.municipality_id and p.id = m.person_id
      and not (p.visible_agencies @> array[new.agency_id]);
    return null;
end;
$$;

-- Both triggers run their statement with a plan made for the rows at hand: a plan cached while the tables were small
-- (a seq scan of household_member) must not be kept while a large transaction fills them.
alter function household_agency_refresh_visibility() set plan_cache_mode = force_custom_plan;
alter function household_member_refresh_visibility() set plan_cache_mode = force_custom_plan;
