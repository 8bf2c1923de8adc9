-- Personal data at rest. Each municipality has its own data keys, stored only wrapped (AES-GCM) under
-- the master key, which lives outside the database; master_key_id says which master key can unwrap a row.
-- Encryption keys gain versions on rotation; the index key has exactly one version, because every blind
-- index already stored was computed with it.
create table data_key (
    tenant_id     text        not null references municipality (code),
    purpose       text        not null check (purpose in ('encryption', 'index')),
    version       integer     not null check (version > 0),
    wrapped       bytea       not null,
    master_key_id text        not null check (master_key_id ~ '^[0-9a-f]{16}$'),
    created_at    timestamptz not null default now(),
    primary key (tenant_id, purpose, version),
    check (purpose = 'encryption' or version = 1)
);

-- The vault: other modules keep the id and the mask. sealed = format | key version | nonce | ciphertext+tag;
-- blind_index = HMAC-SHA256(index key, kind:canonical value) for exact-match search without decrypting.
create table personal_value (
    tenant_id   text        not null references municipality (code),
    id          bigint      generated always as identity,
    kind        text        not null check (kind in ('my-number', 'bank-account', 'phone')),
    sealed      bytea       not null,
    blind_index bytea       not null check (octet_length(blind_index) = 32),
    masked      text        not null,
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    primary key (tenant_id, id)
);

create index personal_value_search on personal_value (tenant_id, kind, blind_index);

alter table data_key enable row level security;
alter table data_key force row level security;
create policy tenant_isolation on data_key
    using (tenant_id = any (madoguchi_tenants())) with check (tenant_id = any (madoguchi_tenants()));

alter table personal_value enable row level security;
alter table personal_value force row level security;
create policy tenant_isolation on personal_value
    using (tenant_id = any (madoguchi_tenants())) with check (tenant_id = any (madoguchi_tenants()));
