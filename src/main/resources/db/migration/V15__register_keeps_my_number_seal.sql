-- A register version keeps its My Number's seal in its own row (my_number_sealed: AES-256-GCM under the
-- city's key, bound to the city and the kind 'my-number', exactly the bytes the vault would keep) instead
-- of a reference to a personal_value row. One vault row per resident, with its two indexes and sequence,
-- made the vault most of a register import's time (decision 0011). The blind index and the mask stay as they
-- were; revealing goes through the vault (PersonalDataVault#revealHeld), audited as before.
alter table resident_version add column my_number_sealed bytea;

-- the migration runs as the application's role, under row-level security like everything else: it sees
-- every city's rows only when it names them all
select set_config('madoguchi.tenants', coalesce((select string_agg(code, ',') from municipality), ''), true);

update resident_version v set my_number_sealed = p.sealed
from personal_value p
where p.tenant_id = v.tenant_id and p.id = v.my_number_ref;

-- the vault rows written for the register are no longer referenced by anything
delete from personal_value p
using resident_version v
where v.tenant_id = p.tenant_id and v.my_number_ref = p.id;

alter table resident_version drop column my_number_ref;
alter table resident_version add check ((my_number_sealed is null) = (my_number_index is null));
