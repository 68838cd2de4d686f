-- Statistics summary, second version (decision 0034, issue 17): households consulted about in the running part of a
-- period (the yearly report up to today, a month or quarter not over) from the summary, and age groups from an
-- approximate date of birth (person.birth_year / birth_month / birth_estimated, migration V20261206_60).

-- The best estimate of a date of birth: the exact date when there is one; else a year and month → the 15th of that
-- month, a year → 1 July (the middle of the year), a year estimated from an age ("80歳くらい" said on some day of year
-- Y + 80, stored as Y) → 1 January of Y (the person was born within a year before that day minus the age: with the day
-- unknown, anywhere in year Y + 80, the birth lies within a year either side of 1 January of Y, centred on it); null
-- when nothing is known. Inlined by the planner (a plain SQL expression).
create function consultation_birth_estimate(p_exact date, p_year smallint, p_month smallint, p_estimated boolean)
returns date language sql immutable as $$
    select coalesce(p_exact, make_date(p_year, coalesce(p_month, case when p_estimated then 1 else 7 end),
                                       case when p_month is null then 1 else 15 end))
$$;

-- The age group of a person on a day (by the best estimate of their date of birth): NONE without a person, UNKNOWN
-- without any date of birth. One expression, so that the planner inlines it.
create function consultation_age_group(p_person uuid, p_day date, p_exact date, p_year smallint, p_month smallint,
                                       p_estimated boolean) returns text
language sql immutable as $$
    select case when p_person is null then 'NONE'
                when p_exact is null and p_year is null then 'UNKNOWN'
                else (array['0-17', '18-39', '40-64', '65-74', '75-'])[
                         width_bucket(extract(year from age(p_day::timestamp,
                                                          consultation_birth_estimate(p_exact, p_year, p_month,
                                                                                      p_estimated)::timestamp)),
                                      array[18, 40, 65, 75]::numeric[]) + 1]
           end
$$;

-- Counts per day: as before, with the age group from the best estimate, and a dimension AGE_GROUP_ESTIMATED: a
-- consultation under an age group that only persons with an approximate date of birth put it in (how many of the
-- AGE_GROUP counts come from an estimate).
create or replace function consultation_summary_days(m uuid, days date[]) returns void language plpgsql as $$
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
        ages as (
            select c.id, consultation_age_group(p.id, c.day, p.birth_date, p.birth_year, p.birth_month,
                                                p.birth_estimated) as key,
                   bool_and(p.birth_date is null and p.birth_year is not null) as estimated
            from c
            left join consultation_person cp on cp.municipality_id = $1 and cp.consultation_id = c.id
            left join person p on p.municipality_id = cp.municipality_id and p.id = cp.person_id
            group by c.id, 2
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
            union all select id, 'AGE_GROUP', key from ages
            union all select id, 'AGE_GROUP_ESTIMATED', key from ages where estimated
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

-- Households per period and scope, now with the first day of the period they were consulted about (first_day) and the
-- first day by which their consultations of the period named two different issue codes (several_day, null if never).
-- Households consulted about from the period's first day to any day X of it are those with first_day <= X, and of
-- them those with several issues up to X are those with several_day <= X: any part of a period from its start (the
-- running fiscal year, a month or quarter not over) is counted exactly from the same rows.
drop table consultation_household_span;
create table consultation_household_span (
    municipality_id uuid        not null references municipality (id),
    period          varchar(10) not null,
    scope_kind      char(1)     not null check (scope_kind in ('C', 'G', 'A')),
    scope_id        uuid        not null,
    household_id    uuid        not null,
    first_day       date        not null,
    several_day     date
);

-- Recomputes the spans of some households (all households for null) from the records. several_day is the second
-- smallest of the days each issue code first appears in the period: two codes are named by day X exactly when two
-- codes have each appeared by X.
create or replace function consultation_summary_households(m uuid, households uuid[]) returns void language plpgsql as $$
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
        insert into consultation_household_span (municipality_id, period, scope_kind, scope_id, household_id,
                                                 first_day, several_day)
        with per_c as (
            select c.household_id, c.agency_id, h.area_id, h.area_id is not null and prot.household_id is null as by_area,
                   (c.received_at at time zone 'Asia/Tokyo')::date as day, i.issue_code
            from consultation c
            join household h on h.municipality_id = c.municipality_id and h.id = c.household_id
            left join (select distinct hm.household_id from household_member hm
                       join person p on p.municipality_id = hm.municipality_id and p.id = hm.person_id
                       where hm.municipality_id = $1 and p.protected) prot on prot.household_id = h.id
            left join consultation_issue i on i.municipality_id = c.municipality_id and i.consultation_id = c.id
            where c.municipality_id = $1 and %s
        ),
        per_code as (
            select p.period, s.scope_kind, s.scope_id, per_c.household_id, per_c.issue_code, min(per_c.day) as day
            from per_c
            cross join lateral (select extract(year from per_c.day - interval '3 months')::int as fy,
                                       (extract(month from per_c.day - interval '3 months')::int - 1) / 3 + 1 as q) f
            cross join lateral (values ('FY' || f.fy), ('Q' || f.fy || '-' || f.q),
                                       ('M' || to_char(per_c.day, 'YYYY-MM'))) p (period)
            cross join lateral (values ('C', $1), ('G', per_c.agency_id),
                                       ('A', case when per_c.by_area then per_c.area_id end)) s (scope_kind, scope_id)
            where s.scope_id is not null
            group by p.period, s.scope_kind, s.scope_id, per_c.household_id, per_c.issue_code
        )
        select $1, period, scope_kind, scope_id, household_id, min(day),
               (array_agg(day order by day) filter (where issue_code is not null))[2]
        from per_code
        group by period, scope_kind, scope_id, household_id
        $q$, filter)
        using m, households;
end;
$$;

-- A person's approximate date of birth moves their age group like the exact one.
create or replace trigger consultation_summary_note
    after update of sex, birth_date, birth_year, birth_month, birth_estimated, protected on person
    for each row when (old.sex is distinct from new.sex or old.birth_date is distinct from new.birth_date
                       or old.birth_year is distinct from new.birth_year
                       or old.birth_month is distinct from new.birth_month
                       or old.birth_estimated is distinct from new.birth_estimated
                       or old.protected is distinct from new.protected)
    execute function consultation_summary_note_person();

-- Refill: every municipality's counts and spans, then the span keys (built after the rows).
select consultation_summary_days(id, null), consultation_summary_households(id, null) from municipality;

alter table consultation_household_span
    add primary key (municipality_id, period, scope_kind, scope_id, household_id) include (first_day, several_day);
create index consultation_household_span_household on consultation_household_span (municipality_id, household_id);

analyze consultation_count;
analyze consultation_household_span;
