-- A case may be about a matter another module owns (a benefit application that needs a person): the owner's
-- reference, the page where staff work the matter, and when the case reached a terminal state. At most one open
-- case per reference: a retried bulk opening hits this index and opens nothing twice.
alter table case_file
    add column reference text check (length(reference) between 1 and 200),
    add column reference_href text check (reference_href ~ '^/[^/]'),
    add column closed_at timestamptz;
create unique index case_file_open_reference on case_file (tenant_id, reference)
    where reference is not null and closed_at is null;

-- Benefits remembers the open case of an application that needs a person, so that the applications still
-- waiting for one are found by a small partial index after every intake.
alter table benefit_application add column case_number text;
create index benefit_application_needs_case on benefit_application (tenant_id, programme_id, id)
    where case_number is null and status in ('correction-needed', 'returned', 'duplicate', 'checking');
