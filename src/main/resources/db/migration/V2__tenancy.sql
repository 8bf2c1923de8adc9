-- Operators (BPO companies), consortia (joint contracts of several cities) and municipalities are the
-- directory of the install: public facts, not tenant data, so they carry no row-level security.
create table operator (
    id          text primary key check (id ~ '^[a-z0-9-]{2,40}$'),
    name        text not null,
    created_at  timestamptz not null default now()
);

create table consortium (
    id          text primary key check (id ~ '^[a-z0-9-]{2,40}$'),
    name        text not null,
    operator_id text not null references operator (id),
    -- how shared costs are divided among the member cities
    cost_split  text not null default 'population' check (cost_split in ('population', 'workload', 'mixed')),
    created_at  timestamptz not null default now()
);

create table municipality (
    code          text primary key check (code ~ '^[0-9]{6}$'),
    name          text not null,
    name_kana     text not null,
    operator_id   text not null references operator (id),
    consortium_id text references consortium (id),
    population    integer check (population >= 0),
    created_at    timestamptz not null default now()
);

-- Offices and calendars belong to one municipality: tenant data under row-level security.
create table office (
    tenant_id  text not null references municipality (code),
    id         text not null check (id ~ '^[a-z0-9-]{1,40}$'),
    name       text not null,
    address    text,
    primary key (tenant_id, id)
);

-- The municipality's own closed days (on top of national holidays and 12/29-1/3), and extra opening
-- days (a Sunday opening during a benefit rush).
create table calendar_day (
    tenant_id  text not null references municipality (code),
    day        date not null,
    kind       text not null check (kind in ('closed', 'open')),
    name       text not null,
    primary key (tenant_id, day)
);

alter table office enable row level security;
alter table office force row level security;
create policy tenant_isolation on office
    using (tenant_id = any (madoguchi_tenants())) with check (tenant_id = any (madoguchi_tenants()));

alter table calendar_day enable row level security;
alter table calendar_day force row level security;
create policy tenant_isolation on calendar_day
    using (tenant_id = any (madoguchi_tenants())) with check (tenant_id = any (madoguchi_tenants()));
