-- An approximate date of birth (issue #18): a year and month, a year, or a year estimated from an age. birth_date
-- stays the exact date; a person has one or the other (or neither).
alter table person
    add column birth_year smallint,
    add column birth_month smallint,
    add column birth_estimated boolean not null default false,
    add constraint person_birth_one_kind check (birth_date is null or birth_year is null),
    add constraint person_birth_month check (birth_month is null or birth_month between 1 and 12);
