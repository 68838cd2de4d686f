-- A bulk registration (decision 0035) writes tens of thousands of persons, households and memberships in one
-- transaction. The planner's statistics still describe the tables as they were before (a few hundred rows; autovacuum
-- cannot see uncommitted rows), so it planned the look-ups by (municipality_id, id) of the foreign-key checks and of the
-- visibility triggers as scans of every row of the municipality through another index (person_phone,
-- household_member_person): the cost of each membership grew with the rows already written, and 100,000 persons took
-- two minutes (bench/README.md, "Import benchmark"). ANALYZE inside the transaction samples its own uncommitted rows,
-- so the bulk path refreshes the statistics of the tables it fills as they grow.
--
-- The runtime role owns no table and may not ANALYZE (decision 0018); this function, run with the owner's rights,
-- analyzes these four tables and nothing else.
create function people_bulk_analyze() returns void language plpgsql security definer set search_path = public as $$
begin
    analyze person;
    analyze household;
    analyze household_member;
    analyze household_agency;
end;
$$;
