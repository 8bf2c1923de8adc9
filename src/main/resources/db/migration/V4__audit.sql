-- The audit trail: one hash chain per municipality. Each entry's hash covers its content and the hash of
-- the entry before it, so altering, removing or reordering an entry breaks every link after it. The
-- chain head holds the newest link; writers lock it, which serialises appends per municipality and makes
-- seq gap-free (a sequence object would leave gaps on rollback, indistinguishable from a removal).
--
-- No foreign key to municipality: a city's trail must outlive its directory entry (decommissioning).

create table audit_chain_head (
    tenant_id  text   primary key check (tenant_id ~ '^[0-9]{6}$'),
    last_seq   bigint not null check (last_seq >= 0),
    last_hash  bytea  not null check (octet_length(last_hash) = 32)
);

create table audit_entry (
    tenant_id    text        not null check (tenant_id ~ '^[0-9]{6}$'),
    seq          bigint      not null check (seq > 0),
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    subject_type text,
    subject_id   text,
    reason       text,
    details      jsonb       not null default '{}' check (jsonb_typeof(details) = 'object'),
    prev_hash    bytea       not null check (octet_length(prev_hash) = 32),
    hash         bytea       not null check (octet_length(hash) = 32),
    primary key (tenant_id, seq)
);

-- Auditors look by period, by person ("what did this clerk do") and by subject ("who saw this case").
create index audit_entry_by_time on audit_entry (tenant_id, at);
create index audit_entry_by_actor on audit_entry (tenant_id, actor, at);
create index audit_entry_by_subject on audit_entry (tenant_id, subject_type, subject_id, at);

-- Append-only. Statement-level, so it fires even when row-level security hides every row, and before
-- any row is touched. The owning role could drop it; the hash chain is what reveals that kind of change.
create function audit_entry_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit_entry is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Record a correcting entry instead.';
end
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each statement execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

alter table audit_entry enable row level security;
alter table audit_entry force row level security;
create policy tenant_isolation on audit_entry
    using (tenant_id = any (madoguchi_tenants())) with check (tenant_id = any (madoguchi_tenants()));

alter table audit_chain_head enable row level security;
alter table audit_chain_head force row level security;
create policy tenant_isolation on audit_chain_head
    using (tenant_id = any (madoguchi_tenants())) with check (tenant_id = any (madoguchi_tenants()));
