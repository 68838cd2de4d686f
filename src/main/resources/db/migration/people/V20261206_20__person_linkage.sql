-- Record linkage (名寄せ, decision 0029). The engine only suggests; a coordinator confirms.

-- A pair of person records the engine found may be one person (person_a < person_b), with its weight, the posterior
-- probability, the engine's decision (MATCH: suggested, REVIEW: needs a look) and the reasons (message key suffixes,
-- comma-separated). OPEN until a coordinator CONFIRMS or REJECTS it; a rejected pair is not suggested again.
create table person_link_candidate (
    municipality_id uuid             not null references municipality (id),
    id              uuid             not null,
    person_a        uuid             not null,
    person_b        uuid             not null,
    weight          double precision not null,
    probability     double precision not null,
    decision        varchar(10)      not null,
    reasons         varchar(400)     not null,
    status          varchar(10)      not null default 'OPEN',
    found_at        timestamptz      not null,
    decided_at      timestamptz,
    decided_by      varchar(100),
    version         integer          not null default 0,
    primary key (municipality_id, id),
    constraint person_link_candidate_pair unique (municipality_id, person_a, person_b),
    constraint person_link_candidate_a foreign key (municipality_id, person_a) references person (municipality_id, id),
    constraint person_link_candidate_b foreign key (municipality_id, person_b) references person (municipality_id, id),
    constraint person_link_candidate_order check (person_a < person_b),
    constraint person_link_candidate_status check (status in ('OPEN', 'CONFIRMED', 'REJECTED'))
);

create index person_link_candidate_queue on person_link_candidate (municipality_id, status, probability desc);
create index person_link_candidate_person_b on person_link_candidate (municipality_id, person_b);

-- One identity: the person records a coordinator confirmed to be one person. A link, not a copy: no record is
-- changed or merged, and unlinking deletes the row (the audit log keeps that it existed).
create table person_identity_link (
    municipality_id uuid         not null references municipality (id),
    person_id       uuid         not null,
    identity_id     uuid         not null,
    linked_at       timestamptz  not null,
    linked_by       varchar(100) not null,
    primary key (municipality_id, person_id),
    constraint person_identity_link_person foreign key (municipality_id, person_id) references person (municipality_id, id)
);

create index person_identity_link_identity on person_identity_link (municipality_id, identity_id);
