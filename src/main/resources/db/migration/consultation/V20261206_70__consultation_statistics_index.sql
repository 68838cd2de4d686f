-- Statistics over a period (decision 0031, issue 17): the consultations received in the period with every key a
-- report counts by, read from the index alone (an index-only scan) instead of the table and the household.
create index consultation_statistics on consultation (municipality_id, received_at)
    include (household_id, agency_id, channel, consulter_type, first_response);
