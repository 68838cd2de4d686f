-- The case list (CaseService.caseListSql). A staff member's list drives from their active team memberships through
-- case_team_member_account and fetches each case by id; a coordinator's "all" reads the open cases through this
-- partial index, newest first, instead of scanning support_case (closed cases pile up, open ones stay few). The
-- persons of each case are read by the primary key of support_case_person, now that the query names its
-- municipality_id. Found by QueryPlanTests.
create index support_case_open on support_case (municipality_id, opened_at desc) where status <> 'CLOSED';
-- The case page lists the whole team, past members too (CaseService.team); case_team_member_active holds only the
-- active ones, so that list read the whole table.
create index case_team_member_case on case_team_member (case_id);
