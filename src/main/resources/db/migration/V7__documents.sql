-- Letters and the mailing batches they leave in. The Osaka lesson: letters are enclosed by teams split by
-- letter type, so a batch holds letters of one type only. The database holds that line itself (a foreign
-- key that includes the letter type), numbers each batch's letters 1..N without gaps, and lets a batch be
-- marked mailed only with a person's count equal to its letter count.

create domain letter_type as text
    check (value in ('acknowledgement', 'deficiency-notice', 'deferral-notice', 'decision-notice'));

create table mailing_batch (
    tenant_id    text        not null references municipality (code),
    id           bigint      generated always as identity,
    letter_type  letter_type not null,
    state        text        not null default 'open' check (state in ('open', 'closed-for-print', 'mailed')),
    letter_count integer     not null default 0 check (letter_count >= 0),
    created_at   timestamptz not null default now(),
    closed_at    timestamptz,
    closed_by    text,
    mailed_at    timestamptz,
    mailed_by    text,
    -- letters counted by hand before the batch goes to the post office
    counted      integer     check (counted >= 0),
    primary key (tenant_id, id),
    -- what letter's foreign key points at, so a letter can only join a batch of its own type
    unique (tenant_id, id, letter_type),
    check ((state = 'open') = (closed_at is null and closed_by is null)),
    check ((state = 'mailed') = (mailed_at is not null and mailed_by is not null)),
    check ((state = 'mailed') = (counted is not null)),
    check (counted is null or counted = letter_count)
);

-- One open batch per type and city: new letters of that type all go into it until it is closed for print.
create unique index mailing_batch_one_open on mailing_batch (tenant_id, letter_type) where state = 'open';
create index mailing_batch_by_state on mailing_batch (tenant_id, state, created_at);

create table letter (
    tenant_id             text        not null references municipality (code),
    id                    bigint      generated always as identity,
    -- null for a letter handed over in person rather than mailed
    batch_id              bigint,
    letter_type           letter_type not null,
    procedure_id          text        not null,
    case_number           text        not null,
    sequence              integer     check (sequence > 0),
    letter_date           date        not null,
    -- the manifest's only personal datum; name and address live in the PDF alone
    recipient_postal_code text        not null check (recipient_postal_code ~ '^[0-9]{7}$'),
    idempotency_key       text        check (length(idempotency_key) between 1 and 200),
    pdf                   bytea       not null,
    created_at            timestamptz not null default now(),
    created_by            text        not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, batch_id, letter_type) references mailing_batch (tenant_id, id, letter_type),
    unique (tenant_id, batch_id, sequence),
    unique (tenant_id, idempotency_key),
    check ((batch_id is null) = (sequence is null))
);

create index letter_by_case on letter (tenant_id, case_number, created_at);

-- A letter joins a batch only while it is open and only as its next number, which the batch counts. The
-- application computes that number under a lock on the batch (it is printed on the letter); this is the
-- database's own check that no gap, duplicate or late addition slips through.
create function letter_joins_batch() returns trigger
    language plpgsql
as $$
begin
    if new.batch_id is null then
        return new;
    end if;
    update mailing_batch set letter_count = letter_count + 1
     where tenant_id = new.tenant_id and id = new.batch_id and state = 'open' and letter_count = new.sequence - 1;
    if not found then
        raise exception 'letter % cannot join mailing batch % as number %', new.id, new.batch_id, new.sequence
            using errcode = 'check_violation',
                  hint = 'A letter joins an open batch of its own type as the next number.';
    end if;
    return new;
end
$$;

create trigger letter_joins_batch
    before insert on letter
    for each row execute function letter_joins_batch();

-- What was mailed stays as it was: a letter's batch, number, type and PDF never change afterwards.
create function letter_is_kept_as_sent() returns trigger
    language plpgsql
as $$
begin
    raise exception 'a letter cannot be moved, renumbered or rewritten once created'
        using errcode = 'check_violation';
end
$$;

create trigger letter_is_kept_as_sent
    before update of tenant_id, batch_id, letter_type, sequence, case_number, pdf on letter
    for each row execute function letter_is_kept_as_sent();

alter table mailing_batch enable row level security;
alter table mailing_batch force row level security;
create policy tenant_isolation on mailing_batch
    using (tenant_id = any (madoguchi_tenants())) with check (tenant_id = any (madoguchi_tenants()));

alter table letter enable row level security;
alter table letter force row level security;
create policy tenant_isolation on letter
    using (tenant_id = any (madoguchi_tenants())) with check (tenant_id = any (madoguchi_tenants()));
