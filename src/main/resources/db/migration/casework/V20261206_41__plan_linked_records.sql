-- The support plan links to the household's outreach records and participation support (decision 0032, #14) in place
-- of the free-text fields participation_needs / outreach_needs, which stay as the history of earlier plans.
alter table support_plan add column outreach_ids uuid[] not null default '{}';
alter table support_plan add column participation_ids uuid[] not null default '{}';
