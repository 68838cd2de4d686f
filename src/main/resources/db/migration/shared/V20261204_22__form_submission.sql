-- One-time form tokens: a form carries a token, and the transaction that acts on it claims the token here; a second
-- submit of the same form (a double click, a parallel post) finds the token taken and answers with the first result.
-- A parallel submit waits on the first one's row until it commits (or rolls back, freeing the token).
create table form_submission (
    municipality_id uuid        not null references municipality (id),
    token           uuid        not null,
    kind            varchar(40) not null,
    result_id       uuid,
    created_at      timestamptz not null,
    primary key (municipality_id, token)
);
