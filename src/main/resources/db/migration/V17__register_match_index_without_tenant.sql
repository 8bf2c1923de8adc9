-- The register's match index (reading and birth date) without tenant_id in front. Every query names its
-- city, which picks the city's partition, so the index never needed the city's code in each entry: a city's
-- first load sorted 1.5 million copies of the same six characters in front of every reading, which made
-- building the index about twice as slow.
drop index resident_version_match;
create index resident_version_match on resident_version (match_key, birth_date);
