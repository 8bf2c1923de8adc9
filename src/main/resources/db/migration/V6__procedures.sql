-- Procedure definitions published by a municipality. The definitions shipped with the application are
-- version 1 of each procedure everywhere and are not stored; a municipality's upload is its next version.
-- A case keeps the version it was opened under, so versions are append-only: never updated, never deleted.
create table procedure_version (
    tenant_id     text        not null references municipality (code),
    procedure_id  text        not null check (procedure_id ~ '^[a-z][a-z0-9-]{0,62}$'),
    version       integer     not null check (version >= 1),
    -- the definition as JSON, for queries across procedures (which ones use a field, a role, a letter)
    definition    jsonb       not null,
    -- the text exactly as uploaded, YAML or JSON, so what was published can be shown as it was written
    source        text        not null,
    source_format text        not null check (source_format in ('yaml', 'json')),
    published_at  timestamptz not null default now(),
    published_by  text        not null,
    primary key (tenant_id, procedure_id, version)
);

alter table procedure_version enable row level security;
alter table procedure_version force row level security;
create policy tenant_isolation on procedure_version
    using (tenant_id = any (madoguchi_tenants())) with check (tenant_id = any (madoguchi_tenants()));

create function procedure_version_append_only() returns trigger
    language plpgsql
as $$
begin
    raise exception 'procedure_version is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Publish a new version instead; cases keep the version they were opened under.';
end
$$;

create trigger procedure_version_append_only
    before update or delete on procedure_version
    for each statement execute function procedure_version_append_only();

create trigger procedure_version_no_truncate
    before truncate on procedure_version
    for each statement execute function procedure_version_append_only();
