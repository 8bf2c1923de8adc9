-- The residents module's published view of the register on a day, for set-based readers such as a benefit
-- programme's eligibility snapshot (one statement for a whole city). The same rule as Register#householdsOn:
-- a person is present when registered by that day and not yet removed on it, the removal taken from the
-- newest news of that stay (a death reported in a later extract counts from the date of death); household,
-- relationship, name and address are the version in force that day. Row-level security applies as usual:
-- the function runs with the caller's rights.
create function register_on(city text, day date)
    returns table (tenant_id text, resident_id text, household_id text, relationship text, name text, name_kana text,
                   birth_date date, postal_code text, address text)
    language sql stable
as $$
    with stay as (
        select distinct on (resident_id) resident_id, removed_on
        from resident_version
        where resident_version.tenant_id = city and registered_on <= day
        order by resident_id, valid_from desc
    )
    select v.tenant_id, v.resident_id, v.household_id, v.relationship, v.name, v.name_kana, v.birth_date, v.postal_code, v.address
    from resident_version v
    join stay on stay.resident_id = v.resident_id
    where v.tenant_id = city and v.valid_from <= day and v.valid_to > day
      and (stay.removed_on is null or stay.removed_on > day)
$$;
