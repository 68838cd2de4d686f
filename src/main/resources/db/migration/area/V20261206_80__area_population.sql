-- Population per area from an imported table (住民基本台帳の年齢別人口): persons by age band on a date, and the
-- single-elderly households of the area on that date (the same figure on each band's row of the area and date).
create table area_population (
    municipality_id            uuid        not null references municipality (id),
    area_id                    uuid        not null,
    as_of                      date        not null,
    age_band                   varchar(20) not null,
    age_from                   integer     not null check (age_from >= 0),
    age_to                     integer check (age_to >= age_from),
    persons                    integer     not null check (persons >= 0),
    single_elderly_households  integer check (single_elderly_households >= 0),
    updated_at                 timestamptz not null,
    updated_by                 varchar(100) not null,
    primary key (municipality_id, area_id, as_of, age_band),
    constraint area_population_area foreign key (municipality_id, area_id) references area (municipality_id, id)
);

create index area_population_date_idx on area_population (municipality_id, as_of);
