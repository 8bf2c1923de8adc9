-- Deficiency notices (補正のお願い) for mass benefits: a batch lists, for the print vendor, every application
-- that needs the resident to act (correction-needed, or a transfer the bank returned) and has changed since it
-- was last noticed. Each notice freezes what it said, so the vendor's file can be fetched again unchanged.
create table benefit_notice_batch (
    tenant_id     text not null,
    id            bigint generated always as identity,
    programme_id  text not null,
    created_at    timestamptz not null default now(),
    created_by    text not null,
    count         integer not null check (count > 0),
    primary key (tenant_id, id),
    foreign key (tenant_id, programme_id) references benefit_programme (tenant_id, id)
);

create table benefit_notice (
    tenant_id           text not null,
    batch_id            bigint not null,
    application_id      bigint not null,
    application_number  text not null,
    status              text not null check (status in ('correction-needed', 'returned')),
    problems            jsonb not null check (jsonb_typeof(problems) = 'array'),
    primary key (tenant_id, batch_id, application_id),
    foreign key (tenant_id, batch_id) references benefit_notice_batch (tenant_id, id),
    foreign key (tenant_id, application_id) references benefit_application (tenant_id, id)
);
-- "noticed since it last changed?", asked for every waiting application of a programme when a batch is made
create index benefit_notice_application on benefit_notice (tenant_id, application_id);

do $$
declare t text;
begin
    foreach t in array array['benefit_notice_batch', 'benefit_notice'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy tenant_isolation on %I using (tenant_id = any (madoguchi_tenants()))'
            ' with check (tenant_id = any (madoguchi_tenants()))', t);
    end loop;
end $$;
