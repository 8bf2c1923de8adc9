-- The municipalities of the current request, set by the application on every connection checkout.
-- Row-level security policies on tenant-owned tables compare tenant_id with this list. An unset or
-- empty value yields no rows: a connection that was never scoped sees nothing.
create function madoguchi_tenants() returns text[]
    language sql stable parallel safe
as $$ select string_to_array(nullif(current_setting('madoguchi.tenants', true), ''), ',') $$;
