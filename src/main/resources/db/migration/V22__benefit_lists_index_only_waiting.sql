-- V21's status index in the exception lists' order, kept only for the states those lists show. As one index
-- over every application it made each bulk change of state wider to write: approving 640,000 checked
-- applications and scheduling them for payment each insert a new entry per application into every index,
-- and on PostgreSQL 18 alone the update of 650,000 applications to 'scheduled' took 24.7-29.0 s against
-- 20.1-23.2 s with the plain status index. Applications in these states are the few that wait for a person (or,
-- under a manual check, the checker's queue), and the bulk steps never write one of them; the lists' queries
-- name the states (ApplicationRecords.WAITING), so the planner may use this index with their parameters.
drop index benefit_application_status;
create index benefit_application_status on benefit_application (tenant_id, programme_id, status);
create index benefit_application_waiting on benefit_application (tenant_id, programme_id, status, received_on, id)
    where status in ('checking', 'correction-needed', 'returned', 'duplicate');
