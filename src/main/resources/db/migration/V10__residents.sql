-- The resident register (住民基本台帳) as extracts deliver it, with history: the register must answer "who
-- lived here, in which household, with which relationship, on date D" long after a later extract changed it.

-- One row per extract imported. A change an extract brings is dated its as_of; a row that would change a
-- resident last changed by a later-dated extract is refused, so history is never rewritten backwards.
create table register_extract (
    tenant_id    text not null references municipality (code),
    id           bigint generated always as identity,
    as_of        date not null,
    imported_at  timestamptz not null default now(),
    imported_by  text not null,
    accepted     integer not null,
    rejected     integer not null,
    created      integer not null,
    changed      integer not null,
    unchanged    integer not null,
    primary key (tenant_id, id)
);

-- The person, whatever household they are in: the id the city's register gives them and their My Number,
-- which belongs to the person rather than to a household period. The number itself is in the privacy
-- vault (personal_value); here only its reference, mask and blind index, so a later extract can tell
-- whether it changed without opening it.
create table resident (
    tenant_id         text not null references municipality (code),
    resident_id       text not null,
    my_number_ref     bigint,
    my_number_masked  text,
    my_number_index   bytea check (octet_length(my_number_index) = 32),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (tenant_id, resident_id),
    check ((my_number_ref is null) = (my_number_index is null))
);

-- What the register said about a person over a period [valid_from, valid_to): valid_to is null for the
-- version in force. A resident's first version starts on registered_on; a later extract that changes any
-- field closes the version in force on its as_of date and opens a new one. registered_on/removed_on are
-- facts about the stay itself (a death reported later is still dated the day it happened).
-- No foreign key to resident: the import writes both from the same rows in one transaction, and a
-- per-row key check would cost more than the rest of the load.
create table resident_version (
    tenant_id       text not null references municipality (code),
    resident_id     text not null,
    valid_from      date not null,
    valid_to        date,
    household_id    text not null,
    relationship    text not null,
    name            text not null,
    name_kana       text not null,
    match_key       text not null,
    birth_date      date not null,
    sex             text not null check (sex in ('1', '2')),
    postal_code     text not null check (postal_code ~ '^[0-9]{7}$'),
    address         text not null,
    registered_on   date not null,
    removed_on      date,
    removal_reason  text,
    extract_id      bigint not null,
    primary key (tenant_id, resident_id, valid_from),
    check (valid_to is null or valid_to > valid_from),
    check (removed_on is null or removed_on >= registered_on)
);
-- at most one version in force per resident
create unique index resident_version_in_force on resident_version (tenant_id, resident_id) where valid_to is null;
-- matching applications to the register: reading and birth date, as benefits and casework search
create index resident_version_match on resident_version (tenant_id, match_key, birth_date);

do $$
declare t text;
begin
    foreach t in array array['register_extract', 'resident', 'resident_version'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = any (madoguchi_tenants()))'
            ' with check (tenant_id = any (madoguchi_tenants()))', t);
    end loop;
end $$;
