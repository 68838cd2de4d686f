-- A case may be opened from an outreach record (decision 0020, #14): the origin names it.
alter table support_case drop constraint support_case_origin_check;
alter table support_case add constraint support_case_origin_check
    check (origin in ('CONSULTATION', 'REFERRAL', 'DIRECT', 'OUTREACH'));
