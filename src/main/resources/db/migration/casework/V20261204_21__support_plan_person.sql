-- The plan's 本人: the person the plan is for, chosen in the plan (by default the case's first person). Plans written
-- before it have none and print the case's first person, as they did.
alter table support_plan add column person_id uuid;
alter table support_plan add constraint support_plan_person
    foreign key (municipality_id, person_id) references person (municipality_id, id);
