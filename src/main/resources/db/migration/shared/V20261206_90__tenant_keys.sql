-- Every table is keyed by its municipality (decision 0030): the casework tables were created with a plain id key and
-- foreign keys on id alone. Their primary keys now lead with municipality_id, and every foreign key that left the
-- municipality out (casework, the staff account's factors and grants, the referral's parts and notifications, the
-- consultation's parts) is made again with municipality_id on both sides, so that a row can only point at a row of its
-- own municipality and a distributed engine (Citus, docs/scale.md) can keep a municipality's rows together.
-- SchemaTenancyTests fails for a table or a foreign key that is not so.

-- 1. The foreign keys without municipality_id, remembered and dropped (they hold on to the primary keys changed below).
create temporary table tenant_fk_rework as
select c.conrelid::regclass::text                                                        as tbl,
       c.conname                                                                         as name,
       c.confrelid::regclass::text                                                       as ref,
       (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
        from unnest(c.conkey) with ordinality k(num, ord)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.num)            as cols,
       (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
        from unnest(c.confkey) with ordinality k(num, ord)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.num)           as ref_cols,
       case c.confdeltype when 'c' then ' on delete cascade' else '' end                 as on_delete
from pg_constraint c
where c.contype = 'f'
  and c.connamespace = 'public'::regnamespace
  and not exists (select 1 from pg_attribute a
                  where a.attrelid = c.conrelid and a.attnum = any (c.conkey) and a.attname = 'municipality_id')
  and exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attname = 'municipality_id')
  and exists (select 1 from pg_attribute a where a.attrelid = c.confrelid and a.attname = 'municipality_id');

do $$
declare
    fk record;
begin
    for fk in select * from tenant_fk_rework loop
        execute format('alter table %s drop constraint %I', fk.tbl, fk.name);
    end loop;
end
$$;

-- 2. The casework tables' primary keys lead with municipality_id.
alter table support_case_event drop constraint support_case_event_pkey;
alter table support_case_event add primary key (municipality_id, id);
alter table case_team_member drop constraint case_team_member_pkey;
alter table case_team_member add primary key (municipality_id, id);
alter table case_assessment drop constraint case_assessment_pkey;
alter table case_assessment add primary key (municipality_id, id);
alter table case_assessment_entry drop constraint case_assessment_entry_pkey;
alter table case_assessment_entry add primary key (municipality_id, assessment_id, person_id, domain);
alter table support_plan drop constraint support_plan_pkey;
alter table support_plan add primary key (municipality_id, id);
alter table support_plan_goal drop constraint support_plan_goal_pkey;
alter table support_plan_goal add primary key (municipality_id, id);
alter table support_plan_action drop constraint support_plan_action_pkey;
alter table support_plan_action add primary key (municipality_id, id);
alter table support_goal_evaluation drop constraint support_goal_evaluation_pkey;
alter table support_goal_evaluation add primary key (municipality_id, id);
alter table case_conference drop constraint case_conference_pkey;
alter table case_conference add primary key (municipality_id, id);
alter table case_conference_member drop constraint case_conference_member_pkey;
alter table case_conference_member add primary key (municipality_id, conference_id, account_id);
alter table case_conference_action drop constraint case_conference_action_pkey;
alter table case_conference_action add primary key (municipality_id, id);
alter table case_progress drop constraint case_progress_pkey;
alter table case_progress add primary key (municipality_id, id);

-- 3. The foreign keys again, with municipality_id first on both sides (same names, same delete rule).
do $$
declare
    fk record;
begin
    for fk in select * from tenant_fk_rework loop
        execute format('alter table %s add constraint %I foreign key (municipality_id, %s) references %s (municipality_id, %s)%s',
                       fk.tbl, fk.name, fk.cols, fk.ref, fk.ref_cols, fk.on_delete);
    end loop;
end
$$;

drop table tenant_fk_rework;
