-- Why an agency sees a household. A row without consent_id is the agency's own record (it registered the household or
-- recorded a consultation about it) and never ends. A row with consent_id was shared under that consent and ends
-- (ends_at) when the consent is withdrawn or expires; ended rows stay as history. An agency may hold both kinds.
alter table household_agency drop constraint household_agency_pkey;
alter table household_agency add column id uuid not null default gen_random_uuid();
alter table household_agency add column consent_id uuid;
alter table household_agency add column ends_at timestamptz;
-- false while an end lies in the future: the expiry job recomputes person.visible_agencies once it has passed
alter table household_agency add column visibility_current boolean not null default true;
alter table household_agency add primary key (municipality_id, id);

create unique index household_agency_basis on household_agency
    (municipality_id, household_id, agency_id, coalesce(consent_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index household_agency_consent on household_agency (municipality_id, consent_id) where consent_id is not null;
create index household_agency_pending_end on household_agency (ends_at) where not visibility_current;

-- visibility at a point in time; the one-argument form (used by the member trigger) asks about now
create function person_visible_agencies(person uuid, at timestamptz) returns uuid[] language sql stable as $$
    select array(
        select p.owner_agency_id from person p where p.id = person
        union
        select ha.agency_id from household_member m
        join household_agency ha on ha.municipality_id = m.municipality_id and ha.household_id = m.household_id
        where m.person_id = person and (ha.ends_at is null or ha.ends_at > at))
$$;

create or replace function person_visible_agencies(person uuid) returns uuid[] language sql stable as $$
    select person_visible_agencies(person, now())
$$;

create or replace function household_agency_refresh_visibility() returns trigger language plpgsql as $$
begin
    if new.ends_at is not null and new.ends_at <= now() then
        return null;
    end if;
    update person p set visible_agencies = p.visible_agencies || new.agency_id
    where p.id in (select m.person_id from household_member m
                   where m.municipality_id = new.municipality_id and m.household_id = new.household_id)
      and not (p.visible_agencies @> array[new.agency_id]);
    return null;
end;
$$;
