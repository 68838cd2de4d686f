-- The plan in force when a case closes ends with it (ENDED), instead of staying "agreed (in force)" through the
-- closure and a later reopening. Plans of cases closed before this: ended if they were agreed before a closure.
alter table support_plan drop constraint support_plan_status_check;
alter table support_plan add constraint support_plan_status_check
    check (status in ('DRAFT', 'AGREED', 'SUPERSEDED', 'ENDED'));
update support_plan p set status = 'ENDED', version = version + 1
where p.status = 'AGREED'
  and exists (select 1 from support_case_event e
              where e.municipality_id = p.municipality_id and e.case_id = p.case_id
                and e.kind = 'CLOSED' and e.at >= p.agreed_at);
