-- Statistics summary of consultations (decision 0034, issue 17): the yearly reports read these small tables instead of
-- millions of consultations. Both are derived data, kept exact by recomputing from the records: triggers note what a
-- write touched (a day, a household) in consultation_summary_change, and consultation_summary_refresh folds the noted
-- changes in, in one transaction, before every statistics read (and every few minutes by a job).
--
-- Scopes: 'C' the city (scope_id = the municipality), 'G' an agency (the agency that received the consultation),
-- 'A' an area (the household's registered area; households with a protected member, also a past one, are left out of
-- the area rows exactly as CountScope.NOT_PROTECTED leaves them out of counts by area).

-- Consultations per day, scope, dimension and key: a consultation counts once under each key it has (issue codes: once
-- per code; sex and age group: once per key whatever the number of persons).
create table consultation_count (
    municipality_id uuid        not null references municipality (id),
    dimension       varchar(20) not null,
    scope_kind      char(1)     not null check (scope_kind in ('C', 'G', 'A')),
    scope_id        uuid        not null,
    day             date        not null,
    key             varchar(50) not null,
    n               bigint      not null
);

-- Households consulted about per period (FY2025, Q2025-1, M2025-04: the statistics periods) and scope, and whether
-- their consultations of that period in that scope name two or more different issue codes (several: the smallest
-- issue code differs from the largest). A distinct count over a period cannot be summed from days, so each period a
-- report can choose has its own rows; any other range is counted from the records.
create table consultation_household_span (
    municipality_id uuid        not null references municipality (id),
    period          varchar(10) not null,
    scope_kind      char(1)     not null check (scope_kind in ('C', 'G', 'A')),
    scope_id        uuid        not null,
    several         boolean     not null,
    household_id    uuid        not null
);

-- What writes touched since the last refresh: a day whose counts, a household whose spans to recompute. Rows are only
-- appended (never "on conflict do nothing"), so that a refresh that runs beside an uncommitted write cannot take away
-- the note of that write.
create table consultation_summary_change (
    municipality_id uuid   not null references municipality (id),
    id              bigint generated always as identity,
    day             date,
    household_id    uuid,
    primary key (municipality_id, id)
);

-- Recomputes the counts of some days (all days for null) from the records.
create function consultation_summary_days(m uuid, days date[]) returns void language plpgsql as $$
declare
    filter text := 'true';
begin
    if days is null then
        delete from consultation_count where municipality_id = m;
    else
        delete from consultation_count where municipality_id = m and day = any (days);
        filter := 'c.received_at >= $3 and c.received_at < $4'
            || ' and (c.received_at at time zone ''Asia/Tokyo'')::date = any ($2)';
    end if;
    execute format($q$
        insert into consultation_count (municipality_id, dimension, scope_kind, scope_id, day, key, n)
        with c as materialized (
            select c.id, c.agency_id, (c.received_at at time zone 'Asia/Tokyo')::date as day, c.channel,
                   c.consulter_type, c.first_response, h.area_id,
                   h.area_id is not null and prot.household_id is null as by_area
            from consultation c
            join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
            left join (select distinct hm.household_id from household_member hm
                       join person p on p.municipality_id = hm.municipality_id and p.id = hm.person_id
                       where hm.municipality_id = $1 and p.protected) prot on prot.household_id = h.id
            where c.municipality_id = $1 and %s
        ),
        k as (
            select id, 'CHANNEL' as dimension, channel as key from c
            union all select id, 'CONSULTER_TYPE', consulter_type from c
            union all select id, 'FIRST_RESPONSE', first_response from c
            union all select id, 'AGENCY', agency_id::text from c
            union all select id, 'AREA', coalesce(area_id::text, '') from c
            union all
            select i.consultation_id, 'ISSUE', i.issue_code
            from c join consultation_issue i on i.municipality_id = $1 and i.consultation_id = c.id
            union all
            select distinct c.id, 'SEX', coalesce(p.sex, 'NONE')
            from c
            left join consultation_person cp on cp.municipality_id = $1 and cp.consultation_id = c.id
            left join person p on p.municipality_id = cp.municipality_id and p.id = cp.person_id
            union all
            select distinct c.id, 'AGE_GROUP',
                   case when p.id is null then 'NONE' when p.birth_date is null then 'UNKNOWN'
                        else (select case when y < 18 then '0-17' when y < 40 then '18-39'
                                          when y < 65 then '40-64' when y < 75 then '65-74' else '75-' end
                              from (select extract(year from age(c.day, p.birth_date)) y) a)
                   end
            from c
            left join consultation_person cp on cp.municipality_id = $1 and cp.consultation_id = c.id
            left join person p on p.municipality_id = cp.municipality_id and p.id = cp.person_id
        ),
        g as (
            select k.dimension, k.key, c.day, c.agency_id, c.area_id, c.by_area, count(*) n
            from k join c on c.id = k.id
            group by k.dimension, k.key, c.day, c.agency_id, c.area_id, c.by_area
        )
        select $1, g.dimension, s.scope_kind, s.scope_id, g.day, g.key, sum(g.n)
        from g
        cross join lateral (values ('C', $1), ('G', g.agency_id), ('A', case when g.by_area then g.area_id end))
            s (scope_kind, scope_id)
        where s.scope_id is not null
        group by g.dimension, s.scope_kind, s.scope_id, g.day, g.key
        $q$, filter)
        using m, days,
            (select min(d)::timestamp at time zone 'Asia/Tokyo' from unnest(days) d),
            (select (max(d) + 1)::timestamp at time zone 'Asia/Tokyo' from unnest(days) d);
end;
$$;

-- Recomputes the spans of some households (all households for null) from the records.
create function consultation_summary_households(m uuid, households uuid[]) returns void language plpgsql as $$
declare
    filter text := 'true';
begin
    if households is null then
        delete from consultation_household_span where municipality_id = m;
    else
        delete from consultation_household_span where municipality_id = m and household_id = any (households);
        filter := 'c.household_id in (select unnest($2))';
    end if;
    execute format($q$
        insert into consultation_household_span (municipality_id, period, scope_kind, scope_id, several, household_id)
        with per_c as (
            select c.household_id, c.agency_id, h.area_id, h.area_id is not null and prot.household_id is null as by_area,
                   (c.received_at at time zone 'Asia/Tokyo')::date as day,
                   min(i.issue_code) as lo, max(i.issue_code) as hi
            from consultation c
            join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
            left join (select distinct hm.household_id from household_member hm
                       join person p on p.municipality_id = hm.municipality_id and p.id = hm.person_id
                       where hm.municipality_id = $1 and p.protected) prot on prot.household_id = h.id
            left join consultation_issue i on i.municipality_id = c.municipality_id and i.consultation_id = c.id
            where c.municipality_id = $1 and %s
            group by c.id, c.household_id, c.agency_id, h.area_id, prot.household_id, c.received_at
        )
        select $1, p.period, s.scope_kind, s.scope_id, coalesce(min(per_c.lo) <> max(per_c.hi), false),
               per_c.household_id
        from per_c
        cross join lateral (select extract(year from per_c.day - interval '3 months')::int as fy,
                                   (extract(month from per_c.day - interval '3 months')::int - 1) / 3 + 1 as q) f
        cross join lateral (values ('FY' || f.fy), ('Q' || f.fy || '-' || f.q), ('M' || to_char(per_c.day, 'YYYY-MM')))
            p (period)
        cross join lateral (values ('C', $1), ('G', per_c.agency_id), ('A', case when per_c.by_area then per_c.area_id end))
            s (scope_kind, scope_id)
        where s.scope_id is not null
        group by p.period, s.scope_kind, s.scope_id, per_c.household_id
        $q$, filter)
        using m, households;
end;
$$;

-- Folds the noted changes in: one refresh at a time per municipality; returns how many days and households it
-- recomputed.
create function consultation_summary_refresh(m uuid) returns integer language plpgsql as $$
declare
    days       date[];
    households uuid[];
begin
    perform pg_advisory_xact_lock(hashtext('consultation_summary'), hashtext(m::text));
    with gone as (delete from consultation_summary_change where municipality_id = m returning day, household_id)
    select array_agg(distinct day) filter (where day is not null),
           array_agg(distinct household_id) filter (where household_id is not null)
    into days, households
    from gone;
    if days is not null then
        perform consultation_summary_days(m, days);
    end if;
    if households is not null then
        perform consultation_summary_households(m, case when cardinality(households) > 100000 then null else households end);
    end if;
    return coalesce(cardinality(days), 0) + coalesce(cardinality(households), 0);
end;
$$;

-- The notes. A consultation: its day and household, before and after.
create function consultation_summary_note_consultation() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into consultation_summary_change (municipality_id, day, household_id)
        values (old.municipality_id, (old.received_at at time zone 'Asia/Tokyo')::date, old.household_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into consultation_summary_change (municipality_id, day, household_id)
        values (new.municipality_id, (new.received_at at time zone 'Asia/Tokyo')::date, new.household_id);
    end if;
    return null;
end;
$$;

create trigger consultation_summary_note
    after insert or delete or update of received_at, household_id, agency_id, channel, consulter_type, first_response
    on consultation for each row execute function consultation_summary_note_consultation();

-- An issue code of a consultation: the consultation's day and household; a person of a consultation: its day.
create function consultation_summary_note_of(p_m uuid, p_consultation uuid, p_with_household boolean) returns void
language sql as $$
    insert into consultation_summary_change (municipality_id, day, household_id)
    select c.municipality_id, (c.received_at at time zone 'Asia/Tokyo')::date,
           case when p_with_household then c.household_id end
    from consultation c
    where c.municipality_id = p_m and c.id = p_consultation;
$$;

create function consultation_summary_note_part() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform consultation_summary_note_of(old.municipality_id, old.consultation_id,
                                             tg_table_name = 'consultation_issue');
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform consultation_summary_note_of(new.municipality_id, new.consultation_id,
                                             tg_table_name = 'consultation_issue');
    end if;
    return null;
end;
$$;

create trigger consultation_summary_note
    after insert or delete or update on consultation_issue
    for each row execute function consultation_summary_note_part();

create trigger consultation_summary_note
    after insert or delete or update on consultation_person
    for each row execute function consultation_summary_note_part();

-- Every day a household has consultations on, and the household (its area or its protection changed).
create function consultation_summary_note_household(p_m uuid, p_household uuid) returns void language sql as $$
    insert into consultation_summary_change (municipality_id, day, household_id)
    select distinct c.municipality_id, (c.received_at at time zone 'Asia/Tokyo')::date, null::uuid
    from consultation c
    where c.municipality_id = p_m and c.household_id = p_household;
    insert into consultation_summary_change (municipality_id, day, household_id) values (p_m, null, p_household);
$$;

create function consultation_summary_note_area() returns trigger language plpgsql as $$
begin
    perform consultation_summary_note_household(new.municipality_id, new.id);
    return null;
end;
$$;

create trigger consultation_summary_note
    after update of area_id on household
    for each row when (old.area_id is distinct from new.area_id)
    execute function consultation_summary_note_area();

-- A person's sex or date of birth (the days of the consultations about them) or protection (every household they are
-- or were a member of).
create function consultation_summary_note_person() returns trigger language plpgsql as $$
begin
    insert into consultation_summary_change (municipality_id, day, household_id)
    select distinct c.municipality_id, (c.received_at at time zone 'Asia/Tokyo')::date, null::uuid
    from consultation_person cp
    join consultation c on c.municipality_id = cp.municipality_id and c.id = cp.consultation_id
    where cp.municipality_id = new.municipality_id and cp.person_id = new.id;
    if old.protected is distinct from new.protected then
        perform consultation_summary_note_household(hm.municipality_id, hm.household_id)
        from household_member hm
        where hm.municipality_id = new.municipality_id and hm.person_id = new.id;
    end if;
    return null;
end;
$$;

create trigger consultation_summary_note
    after update of sex, birth_date, protected on person
    for each row when (old.sex is distinct from new.sex or old.birth_date is distinct from new.birth_date
                       or old.protected is distinct from new.protected)
    execute function consultation_summary_note_person();

-- A membership of a protected person (a household gains or loses a protected member).
create function consultation_summary_note_member() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and exists (
            select 1 from person p where p.municipality_id = old.municipality_id and p.id = old.person_id and p.protected) then
        perform consultation_summary_note_household(old.municipality_id, old.household_id);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and exists (
            select 1 from person p where p.municipality_id = new.municipality_id and p.id = new.person_id and p.protected) then
        perform consultation_summary_note_household(new.municipality_id, new.household_id);
    end if;
    return null;
end;
$$;

create trigger consultation_summary_note
    after insert or delete or update of household_id, person_id on household_member
    for each row execute function consultation_summary_note_member();

-- Backfill: every municipality's counts and spans, then the keys (built after the rows: faster than row by row).
select consultation_summary_days(id, null), consultation_summary_households(id, null) from municipality;

alter table consultation_count
    add primary key (municipality_id, dimension, scope_kind, scope_id, day, key);
create index consultation_count_day on consultation_count (municipality_id, day);
alter table consultation_household_span
    add primary key (municipality_id, period, scope_kind, scope_id, several, household_id);
create index consultation_household_span_household on consultation_household_span (municipality_id, household_id);

analyze consultation_count;
analyze consultation_household_span;
