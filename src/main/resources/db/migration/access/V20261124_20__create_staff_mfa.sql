-- The second factor of a staff account: its TOTP secret (AES-GCM encrypted with a key from the configuration, never
-- in clear) and the last time step used (a code is accepted once). No row: not enrolled.
create table staff_mfa (
    municipality_id  uuid         not null,
    account_id       uuid         not null references staff_account (id) on delete cascade,
    secret_sealed    varchar(200) not null,
    enrolled_at      timestamptz  not null,
    -- login bookkeeping, written by the login flow outside the row's version
    last_used_step   bigint       not null default 0,
    created_at       timestamptz  not null,
    created_by       varchar(100) not null,
    updated_at       timestamptz  not null,
    updated_by       varchar(100) not null,
    version          integer      not null default 0,
    primary key (municipality_id, account_id),
    constraint staff_mfa_account_unique unique (account_id)
);

-- One-time recovery codes, stored as HMAC-SHA256 (keyed by the configuration) so that a dump does not reveal them.
create table staff_recovery_code (
    municipality_id  uuid         not null,
    account_id       uuid         not null references staff_mfa (account_id) on delete cascade,
    code_hash        varchar(64)  not null,
    used_at          timestamptz,
    created_at       timestamptz  not null,
    created_by       varchar(100) not null,
    updated_at       timestamptz  not null,
    updated_by       varchar(100) not null,
    version          integer      not null default 0,
    primary key (municipality_id, account_id, code_hash)
);
