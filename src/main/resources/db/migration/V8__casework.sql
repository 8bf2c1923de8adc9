-- Case numbers come from one sequence for the whole install: no row to lock at intake, so cities never
-- wait on each other; numbers are unique per municipality (and in fact install-wide), gaps are harmless.
create sequence case_serial;

create table case_file (
    tenant_id          text not null references municipality (code),
    case_number        text not null check (case_number ~ '^[0-9]{11}$'),
    procedure_id       text not null,
    procedure_version  integer not null,
    channel            text not null check (channel in ('counter', 'mail', 'online', 'api', 'csv')),
    state              text not null,
    data               jsonb not null,
    -- the kana match key and birth date of the applicant, and a blind index of their phone, so that staff
    -- can search without the database holding a phone number in clear
    applicant_key      text,
    applicant_birth    date,
    applicant_phone    bytea,
    received_at        timestamptz not null,
    received_on        date not null,
    due_date           date,
    sla_paused_since   date,
    sla_warned         boolean not null default false,
    created_by         text not null,
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, case_number)
);
create index case_file_state on case_file (tenant_id, procedure_id, state, due_date);
create index case_file_applicant on case_file (tenant_id, applicant_key, applicant_birth);

-- One row per idempotency key: a retried intake finds its case here instead of creating a second one.
create table intake_key (
    tenant_id        text not null references municipality (code),
    idempotency_key  text not null check (length(idempotency_key) between 1 and 200),
    case_number      text not null,
    request_hash     bytea not null,
    created_at       timestamptz not null default now(),
    primary key (tenant_id, idempotency_key)
);

-- Work to be done on a case at one step. A claimed task whose worker went quiet returns to the queue
-- by itself: claim-next treats a claim older than the idle timeout as no claim.
create table task (
    tenant_id     text not null references municipality (code),
    id            bigint generated always as identity,
    case_number   text not null,
    queue         text not null,
    step          text not null,
    due_date      date,
    arrived_at    timestamptz not null default now(),
    claimed_by    text,
    claimed_at    timestamptz,
    claims        integer not null default 0,
    completed_at  timestamptz,
    completed_by  text,
    primary key (tenant_id, id)
);
create index task_open on task (tenant_id, queue, due_date, arrived_at, id) where completed_at is null;
create index task_case on task (tenant_id, case_number);

-- Independent keyings of a mailed form: round 1 and round 2 by two different clerks; personal values are
-- vault references, compared through fingerprints (blind indexes), never in clear.
create table keying (
    tenant_id     text not null references municipality (code),
    case_number   text not null,
    round         smallint not null check (round in (1, 2)),
    keyed_by      text not null,
    data          jsonb not null,
    fingerprints  jsonb not null,
    keyed_at      timestamptz not null default now(),
    primary key (tenant_id, case_number, round)
);

-- The case's own history, shown as its timeline (the audit trail holds the same facts, chained).
create table case_event (
    tenant_id    text not null references municipality (code),
    case_number  text not null,
    seq          integer not null,
    at           timestamptz not null default now(),
    actor        text not null,
    kind         text not null,
    from_state   text,
    to_state     text,
    reason       text,
    details      jsonb not null default '{}',
    primary key (tenant_id, case_number, seq)
);

do $$
declare t text;
begin
    foreach t in array array['case_file', 'intake_key', 'task', 'case_event', 'keying'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = any (madoguchi_tenants()))'
            ' with check (tenant_id = any (madoguchi_tenants()))', t);
    end loop;
end $$;
