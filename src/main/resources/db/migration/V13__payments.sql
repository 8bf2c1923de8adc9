-- Payment batches and their payments. The module pays "orders" named by a reference (for a benefit, the
-- 10-digit application number, which travels in the Zengin record's customer code 1 and comes back in the
-- bank's result file) within a purpose (a free name such as 'benefit:tokubetsu-2026'). It knows nothing of
-- what is paid for; the line it holds is that a reference is paid at most once at a time in its purpose.

create table payment_batch (
    tenant_id           text        not null references municipality (code),
    id                  bigint      generated always as identity,
    purpose             text        not null check (length(purpose) between 1 and 100),
    transfer_date       date        not null,
    -- the payer as the file's header names it: the city's own account, not personal data
    requester_code      text        not null check (requester_code ~ '^[0-9]{1,10}$'),
    payer_name          text        not null check (length(payer_name) > 0),
    payer_bank_code     text        not null check (payer_bank_code ~ '^[0-9]{4}$'),
    payer_bank_name     text        not null,
    payer_branch_code   text        not null check (payer_branch_code ~ '^[0-9]{3}$'),
    payer_branch_name   text        not null,
    payer_account_type  text        not null check (payer_account_type in ('1', '2')),
    payer_account       text        not null check (payer_account ~ '^[0-9]{7}$'),
    -- what the trailer record states; the limits are its N6 and N12 fields
    payment_count       integer     not null check (payment_count between 1 and 999999),
    total               bigint      not null check (total between 1 and 999999999999),
    -- orders left out because their reference already had a live payment in the purpose
    skipped             integer     not null default 0 check (skipped >= 0),
    state               text        not null default 'prepared' check (state in ('prepared', 'sent', 'cancelled')),
    created_at          timestamptz not null default now(),
    created_by          text        not null,
    file_sha256         bytea       check (octet_length(file_sha256) = 32),
    file_generated_at   timestamptz,
    sent_at             timestamptz,
    sent_by             text,
    cancelled_at        timestamptz,
    cancelled_by        text,
    primary key (tenant_id, id),
    check ((file_sha256 is null) = (file_generated_at is null)),
    -- a batch goes to the bank only with the file whose hash is recorded here
    check ((state = 'sent') = (sent_at is not null and sent_by is not null)),
    check (state <> 'sent' or file_sha256 is not null),
    check ((state = 'cancelled') = (cancelled_at is not null and cancelled_by is not null))
);

create index payment_batch_by_purpose on payment_batch (tenant_id, purpose, id);

-- One transfer. The account number is a vault reference and a mask, never the number: the file writer
-- opens the vault values in bulk when it writes the file. Names are kept in Zengin characters as the order
-- gave them (the writer cuts them to their fields), so the file comes out the same whenever it is written
-- again, whatever the bank master says by then.
create table payment (
    -- checked with the batch (see payment_batch_exists below), not by a reference of its own to municipality
    tenant_id        text    not null,
    batch_id         bigint  not null,
    -- the record's place in the batch's file, 1..N
    seq              integer not null check (seq > 0),
    purpose          text    not null,
    reference        text    not null check (reference ~ '^[0-9]{10}$'),
    bank_code        text    not null check (bank_code ~ '^[0-9]{4}$'),
    bank_name        text    not null check (length(bank_name) > 0),
    branch_code      text    not null check (branch_code ~ '^[0-9]{3}$'),
    branch_name      text    not null check (length(branch_name) > 0),
    account_type     text    not null check (account_type in ('1', '2', '4')),
    account_value_id bigint  not null,
    account_mask     text    not null check (account_mask ~ '^[*]{4}[0-9]{3}$'),
    payee_name       text    not null check (length(payee_name) > 0),
    amount           bigint  not null check (amount between 1 and 9999999999),
    status           text    not null default 'scheduled' check (status in ('scheduled', 'returned')),
    -- true while the payment holds its reference: scheduled, in a batch not cancelled. Returning the
    -- payment or cancelling its batch clears it in the same transaction, which frees the reference.
    live             boolean not null default true,
    result_code      text    check (length(result_code) between 1 and 8),
    result_reason    text    check (length(result_reason) <= 200),
    returned_at      timestamptz,
    primary key (tenant_id, batch_id, seq),
    check (not live or status = 'scheduled'),
    check ((status = 'returned') = (returned_at is not null and result_code is not null))
);

-- Each payment belongs to an existing batch of the same city and purpose. A foreign key would check that
-- row by row, which measured a third of the insert's time for a batch of 200,000 payments; these triggers
-- check it once per statement, and keep it true: a payment never changes batch, a batch never changes city
-- or purpose, and a batch is never deleted (a batch that is not to be paid is cancelled).
create function payment_batch_exists() returns trigger
    language plpgsql
as $$
begin
    if exists (select 1 from added a
               where not exists (select 1 from payment_batch b
                                 where b.tenant_id = a.tenant_id and b.id = a.batch_id and b.purpose = a.purpose)) then
        raise foreign_key_violation using message = 'a payment must belong to a batch of its city and purpose';
    end if;
    return null;
end $$;

create trigger payment_batch_exists after insert on payment
    referencing new table as added for each statement execute function payment_batch_exists();

create function payment_keeps_its_batch() returns trigger
    language plpgsql
as $$
begin
    if (new.tenant_id, new.batch_id, new.purpose) is distinct from (old.tenant_id, old.batch_id, old.purpose) then
        raise foreign_key_violation using message = 'a payment stays in its batch';
    end if;
    return new;
end $$;

create trigger payment_keeps_its_batch before update of tenant_id, batch_id, purpose on payment
    for each row execute function payment_keeps_its_batch();

create function payment_batch_kept() returns trigger
    language plpgsql
as $$
begin
    raise foreign_key_violation using message = 'payment batches are kept; cancel one instead of deleting it';
end $$;

create trigger payment_batch_kept before delete or truncate on payment_batch
    for each statement execute function payment_batch_kept();

create function payment_batch_keeps_its_purpose() returns trigger
    language plpgsql
as $$
begin
    if (new.tenant_id, new.purpose) is distinct from (old.tenant_id, old.purpose) then
        raise foreign_key_violation using message = 'a payment batch keeps its city and purpose';
    end if;
    return new;
end $$;

create trigger payment_batch_keeps_its_purpose before update of tenant_id, purpose on payment_batch
    for each row execute function payment_batch_keeps_its_purpose();

-- The line itself: a reference has at most one live payment in its purpose, whatever the code does.
create unique index payment_live_reference on payment (tenant_id, purpose, reference) where live;
-- Returned payments are few; the reconciliation and the result import look them up here.
create index payment_returned on payment (tenant_id, purpose, reference) where status = 'returned';

-- Bank result files already imported, by content: importing the same file again changes nothing.
create table payment_result_file (
    tenant_id    text        not null references municipality (code),
    purpose      text        not null,
    sha256       bytea       not null check (octet_length(sha256) = 32),
    rows         integer     not null check (rows >= 0),
    returned     integer     not null check (returned >= 0),
    rejected     integer     not null check (rejected >= 0),
    imported_at  timestamptz not null default now(),
    imported_by  text        not null,
    primary key (tenant_id, purpose, sha256)
);

do $$
declare t text;
begin
    foreach t in array array['payment_batch', 'payment', 'payment_result_file'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = any (madoguchi_tenants()))'
            ' with check (tenant_id = any (madoguchi_tenants()))', t);
    end loop;
end $$;
