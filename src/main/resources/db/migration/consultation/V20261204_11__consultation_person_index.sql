-- The consultations about a person (ConsultationRelatedRecords: a breach report asks who saw a person's records). The
-- primary key leads with consultation_id, so without this index that question read the whole consultation_person
-- table (found by QueryPlanTests).
create index consultation_person_person on consultation_person (municipality_id, person_id);
