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

-- What the register said about a person over the period [valid_from, valid_to). The version in force has
-- valid_to 'infinity', so the primary key itself allows one version in force per resident, without a
-- second unique index to maintain on every load. A resident's first version starts on registered_on; a
-- later extract that changes any field closes the version in force on its as_of date and opens a new one.
-- registered_on/removed_on are facts about the stay itself: a death reported later is still dated the day
-- it happened.
-- The My Number is in the privacy vault (personal_value); a version keeps the vault reference, the mask and
-- the blind index, so the next extract can tell whether the number changed without opening it.
-- Neither this table's tenant_id nor extract_id is a foreign key: the import checks both once per extract
-- (register_extract references the municipality), and a check per row would cost a quarter of the load.
-- One partition per municipality, created by the city's first import (see residents.FirstLoad): that load
-- writes the partition unindexed and builds its indexes afterwards, several times faster than maintaining
-- them row by row, then attaches it. Later extracts go through this table like any other.
create table resident_version (
    tenant_id         text not null,
    resident_id       text not null,
    valid_from        date not null,
    valid_to          date not null default 'infinity',
    household_id      text not null,
    relationship      text not null,
    name              text not null,
    name_kana         text not null,
    match_key         text not null,
    birth_date        date not null,
    sex               text not null check (sex in ('1', '2')),
    postal_code       text not null check (postal_code ~ '^[0-9]{7}$'),
    address           text not null,
    registered_on     date not null,
    removed_on        date,
    removal_reason    text,
    my_number_ref     bigint,
    my_number_masked  text,
    my_number_index   bytea check (octet_length(my_number_index) = 32),
    extract_id        bigint not null,
    primary key (tenant_id, resident_id, valid_to),
    check (valid_to > valid_from),
    check (removed_on is null or removed_on >= registered_on),
    check ((my_number_ref is null) = (my_number_index is null))
) partition by list (tenant_id);
-- matching applications to the register: reading and birth date, as benefits and casework search
create index resident_version_match on resident_version (tenant_id, match_key, birth_date);

do $$
declare t text;
begin
    foreach t in array array['register_extract', 'resident_version'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = any (madoguchi_tenants()))'
            ' with check (tenant_id = any (madoguchi_tenants()))', t);
    end loop;
end $$;
