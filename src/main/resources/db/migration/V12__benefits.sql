-- Cash benefit programmes (給付金): who is eligible on the reference date, the pre-printed form each
-- household gets, and the applications that come back. The point of the schema is the last index: a
-- household has at most one live application per programme, whatever channel or how often it applies.

-- Damm's check digit in SQL, so a snapshot can number 700,000 forms in one statement (japan.Damm is the
-- same table in Java; the test compares them).
create function damm_check_digit(digits text) returns integer
    language plpgsql immutable strict parallel safe
as $$
declare
    table_ constant smallint[] := array[
        0,3,1,7,5,9,8,6,4,2, 7,0,9,2,1,5,4,8,6,3, 4,2,0,6,8,7,1,3,5,9, 1,7,5,0,9,8,3,4,2,6,
        6,1,2,3,0,4,5,9,7,8, 3,6,7,4,2,0,9,5,8,1, 5,8,6,9,7,2,0,1,3,4, 8,9,4,5,3,6,2,0,1,7,
        9,4,3,8,6,1,7,2,0,5, 2,5,8,1,4,3,6,7,9,0];
    interim integer := 0;
begin
    for i in 1 .. length(digits) loop
        interim := table_[interim * 10 + (ascii(substr(digits, i, 1)) - 48) + 1];
    end loop;
    return interim;
end
$$;

create table benefit_programme (
    tenant_id              text    not null references municipality (code),
    id                     text    not null check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    -- the first two digits of every application number of the programme
    ordinal                smallint not null check (ordinal between 10 and 99),
    name                   text    not null,
    reference_date         date    not null,
    amount_per_person      bigint  not null check (amount_per_person > 0),
    application_start      date    not null,
    application_end        date    not null check (application_end >= application_start),
    manual_check           boolean not null default false,
    payer_requester_code   text    not null check (payer_requester_code ~ '^[0-9]{10}$'),
    payer_name             text    not null,
    payer_bank_code        text    not null check (payer_bank_code ~ '^[0-9]{4}$'),
    payer_branch_code      text    not null check (payer_branch_code ~ '^[0-9]{3}$'),
    payer_account_type     text    not null check (payer_account_type in ('1', '2')),
    payer_account_number   text    not null check (payer_account_number ~ '^[0-9]{7}$'),
    created_at             timestamptz not null default now(),
    created_by             text    not null,
    snapshot_at            timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, ordinal)
);

-- The households as they stood on the reference date, each with its form's application number.
create table benefit_household (
    tenant_id           text not null,
    programme_id        text not null,
    household_id        text not null,
    application_number  text not null check (application_number ~ '^[0-9]{10}$'),
    head_resident_id    text,
    persons             integer not null check (persons > 0),
    postal_code         text,
    address             text,
    primary key (tenant_id, programme_id, household_id),
    unique (tenant_id, application_number),
    foreign key (tenant_id, programme_id) references benefit_programme (tenant_id, id)
);

-- Every person registered on the reference date, in the household of that date. Names as registered.
create table benefit_member (
    tenant_id     text    not null,
    programme_id  text    not null,
    household_id  text    not null,
    resident_id   text    not null,
    is_head       boolean not null,
    relationship  text    not null,
    name          text    not null,
    name_kana     text    not null,
    birth_date    date    not null,
    primary key (tenant_id, programme_id, resident_id),
    foreign key (tenant_id, programme_id, household_id) references benefit_household (tenant_id, programme_id, household_id)
);
create index benefit_member_household on benefit_member (tenant_id, programme_id, household_id);

create table benefit_application (
    tenant_id           text    not null,
    programme_id        text    not null,
    id                  bigint  generated always as identity,
    household_id        text    not null,
    application_number  text    not null,
    channel             text    not null check (channel in ('mail', 'online')),
    -- the intake's idempotency key: a re-sent file or a retried request finds its earlier application
    intake_key          text    not null,
    -- declined: every member declined (受給辞退), nothing to pay
    status              text    not null check (status in ('checking', 'correction-needed', 'duplicate', 'checked', 'declined',
                                                         'approved', 'scheduled', 'paid', 'returned', 'rejected')),
    problems            jsonb   not null default '[]' check (jsonb_typeof(problems) = 'array'),
    received_on         date    not null,
    applicant_resident_id text,
    declined            text[]  not null default '{}',
    persons_paid        integer not null check (persons_paid >= 0),
    amount              bigint  not null check (amount >= 0),
    bank_code           text,
    branch_code         text,
    account_type        text,
    account_ref         bigint,
    account_masked      text,
    holder_kana         text,
    holder_zengin       text,
    phone_ref           bigint,
    phone_masked        text,
    approved_by         text,
    approved_at         timestamptz,
    -- the payments module's batch this application was last paid in, and its transfer date
    batch_id            bigint,
    transfer_date       date,
    returned_reason     text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, programme_id, intake_key),
    foreign key (tenant_id, programme_id, household_id) references benefit_household (tenant_id, programme_id, household_id)
);
-- The rule of the whole module: one live application per household and programme. A second one is
-- stored as a suspected duplicate (held for a person), or refused outright by this index.
create unique index benefit_application_one_per_household on benefit_application (tenant_id, programme_id, household_id)
    where status not in ('duplicate', 'rejected');
create index benefit_application_status on benefit_application (tenant_id, programme_id, status);
create index benefit_application_number on benefit_application (tenant_id, application_number);

-- The portal's lock: wrong birth dates per application number in a row.
create table benefit_lookup_failure (
    tenant_id           text not null references municipality (code),
    application_number  text not null,
    failures            integer not null default 0,
    last_failure_at     timestamptz not null default now(),
    primary key (tenant_id, application_number)
);

do $$
declare t text;
begin
    foreach t in array array['benefit_programme', 'benefit_household', 'benefit_member', 'benefit_application',
                             'benefit_lookup_failure'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = any (madoguchi_tenants()))'
            ' with check (tenant_id = any (madoguchi_tenants()))', t);
    end loop;
end $$;
