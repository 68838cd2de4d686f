-- "Ask the coordinator to confirm" (decision 0038): an agency's user who was told that a record may exist at another
-- agency asks the municipality's coordinator to look at the pair. Who asked (user and agency), when and why; the pair
-- then comes first in the coordinator's queue. Asking twice changes nothing.
alter table person_link_candidate
    add column requested_by     varchar(100),
    add column requested_agency uuid,
    add column requested_at     timestamptz,
    add column request_reason   varchar(500),
    add constraint person_link_candidate_requested_agency
        foreign key (municipality_id, requested_agency) references agency (municipality_id, id);
