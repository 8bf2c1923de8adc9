-- Staff accounts work for an operator or for a municipality. They are the install's users, not tenant
-- data: signing in must find an account before any municipality is in scope.
create table staff_account (
    id                bigint generated always as identity primary key,
    username          text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    display_name      text not null,
    organization      text not null check (organization in ('OPERATOR', 'MUNICIPALITY')),
    password_hash     text not null,
    -- sealed with the master key (privacy.SecretBox), never stored in clear
    totp_secret       bytea,
    totp_enrolled_at  timestamptz,
    -- the last accepted 30-second step: a code is never accepted twice
    totp_last_step    bigint,
    failed_logins     integer not null default 0,
    locked_until      timestamptz,
    enabled           boolean not null default true,
    created_at        timestamptz not null default now()
);

create table account_role (
    account_id bigint not null references staff_account (id) on delete cascade,
    role       text not null check (role in ('OPERATOR_CLERK', 'OPERATOR_CHECKER', 'OPERATOR_SUPERVISOR',
        'CONTACT_AGENT', 'COUNTER_STAFF', 'MUNICIPAL_OFFICIAL', 'AUDITOR', 'ADMIN')),
    primary key (account_id, role)
);

-- Which municipalities an account works for: everything it sees is limited to these.
create table account_municipality (
    account_id   bigint not null references staff_account (id) on delete cascade,
    municipality text not null references municipality (code),
    primary key (account_id, municipality)
);

-- Bearer tokens for the API; only a hash is kept, so a database copy gives no usable token.
create table api_token (
    token_hash  bytea primary key,
    account_id  bigint not null references staff_account (id) on delete cascade,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null
);
create index api_token_account on api_token (account_id);
