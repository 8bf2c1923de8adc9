-- Account corrections residents make on the portal. The application itself changes as with a clerk's
-- correction; this row keeps the client's idempotency key, so that a retried request answers the correction
-- already made instead of "nothing to correct", and records what the correction changed (stored statuses).
create table benefit_online_correction (
    tenant_id           text not null references municipality (code),
    application_number  text not null,
    idempotency_key     text not null,
    from_status         text not null,
    to_status           text not null,
    corrected_at        timestamptz not null default now(),
    -- keys come from anonymous clients: two households may pick the same one
    primary key (tenant_id, application_number, idempotency_key)
);

alter table benefit_online_correction enable row level security;
alter table benefit_online_correction force row level security;
create policy tenant_isolation on benefit_online_correction using (tenant_id = any (madoguchi_tenants()))
    with check (tenant_id = any (madoguchi_tenants()));
