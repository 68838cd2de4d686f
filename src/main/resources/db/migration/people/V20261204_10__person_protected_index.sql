-- Protected persons are few (a handful per thousand). Search asks, for every word typed, whether that word is a
-- protected person's phone number, e-mail address or part of their address (PersonSearch.audited), so that the audit
-- trail never keeps it. Without this index that question read the whole person table once per word (a parallel
-- sequential scan, 0.3-0.5 s at 1M persons); with it the question reads only the protected persons' rows.
create index person_protected on person (municipality_id) where protected;
