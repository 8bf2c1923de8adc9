-- Audit entries are written in the transaction of the change they record, but linked into the
-- municipality's hash chain a moment later, in batches, by the chainer (decision 0007). Until then an
-- entry has no chain number and no hash. Writers no longer queue on the chain head; only the chainer
-- takes its lock, once per batch.

alter table audit_entry add column id bigint generated always as identity;
alter table audit_entry drop constraint audit_entry_pkey;
alter table audit_entry add primary key (tenant_id, id);
alter table audit_entry alter column seq drop not null;
alter table audit_entry alter column prev_hash drop not null;
alter table audit_entry alter column hash drop not null;
alter table audit_entry add constraint audit_entry_chained_whole
    check ((seq is null) = (hash is null) and (seq is null) = (prev_hash is null));
create unique index audit_entry_by_seq on audit_entry (tenant_id, seq);
-- what the chainer picks up: small, because entries leave it within moments
create index audit_entry_unchained on audit_entry (tenant_id, id) where seq is null;

-- Still append-only, with one exception: an unchained entry may receive its chain number and hashes,
-- once, with every other column unchanged. Row level, since the rule looks at the row; an update that
-- row-level security hides from the caller touches nothing anyway.
drop trigger audit_entry_append_only on audit_entry;

create function audit_entry_chain_only() returns trigger
    language plpgsql
as $$
begin
    if old.seq is null and new.seq is not null
       and (new.tenant_id, new.id, new.at, new.actor, new.action) = (old.tenant_id, old.id, old.at, old.actor, old.action)
       and new.subject_type is not distinct from old.subject_type
       and new.subject_id is not distinct from old.subject_id
       and new.reason is not distinct from old.reason
       and new.details = old.details then
        return new;
    end if;
    raise exception 'audit_entry is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Record a correcting entry instead.';
end
$$;

create trigger audit_entry_chain_only
    before update on audit_entry
    for each row execute function audit_entry_chain_only();

create trigger audit_entry_no_delete
    before delete on audit_entry
    for each statement execute function audit_entry_append_only();
