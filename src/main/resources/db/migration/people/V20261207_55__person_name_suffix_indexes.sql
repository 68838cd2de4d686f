-- Name frequencies for the linkage check on registration and save (decision 0037): how many persons of the
-- municipality share the probe's family reading or family name (a prefix of loose_reading_key / name_key: the
-- existing person_reading_prefix and person_name_prefix indexes) and its given reading or given name (a suffix: these
-- indexes on the reversed keys, so that a suffix is a prefix).
create index person_reading_suffix on person (municipality_id, reverse(loose_reading_key) text_pattern_ops);
create index person_name_suffix on person (municipality_id, reverse(name_key) text_pattern_ops);
