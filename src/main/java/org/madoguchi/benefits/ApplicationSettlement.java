package org.madoguchi.benefits;

/**
 * The statement that turns staged submissions into applications (see {@link ApplicationLoad}). Checks that
 * need the snapshot run here: declined persons must be members of the household, the form must arrive in the
 * application period, and online only the head may apply. Then duplicate control: the first submission of a
 * household, if it has no live application yet, becomes its application; every other one is stored as a
 * suspected duplicate for a person to look at. The partial unique index decides, not this statement: a live
 * application committed meanwhile by another intake makes the insert fall through to "duplicate".
 */
final class ApplicationSettlement {

	private static final String COLUMNS = """
			tenant_id, programme_id, household_id, application_number, channel, intake_key, status, problems, received_on,
			applicant_resident_id, declined, persons_paid, amount, bank_code, branch_code, account_type, account_ref,
			account_masked, holder_kana, holder_zengin, phone_ref, phone_masked""";

	private static final String VALUES = """
			tenant, programme, household_id, application_number, channel, intake_key, %s, all_problems, received_on,
			applicant, declared, persons_paid, persons_paid * amount, bank_code, branch_code, account_type, account_ref,
			account_masked, holder_kana, holder_zengin, phone_ref, phone_masked""";

	static final String SQL = """
			with params as (
			    select ?::bigint as amount, ?::date as start_on, ?::date as end_on, ?::boolean as manual, ?::text as tenant,
			           ?::text as programme
			),
			staged as (
			    select l.*, p.*, h.household_id, h.persons, h.head_resident_id,
			           coalesce(string_to_array(nullif(l.declined, ''), '|'), '{}') as declared
			    from benefit_intake_load l
			    cross join params p
			    join benefit_household h on h.tenant_id = p.tenant and h.programme_id = p.programme
			        and h.application_number = l.application_number
			),
			checked as (
			    select s.*,
			           array(select d from unnest(s.declared) d where exists (
			               select 1 from benefit_member m where m.tenant_id = s.tenant and m.programme_id = s.programme
			                   and m.resident_id = d and m.household_id = s.household_id)) as members_declining,
			           row_number() over (partition by s.household_id order by s.line) as nth
			    from staged s
			),
			decided as (
			    select c.*, c.persons - cardinality(c.members_declining) as persons_paid,
			           c.problems::jsonb
			           || case when cardinality(c.members_declining) < cardinality(c.declared)
			                   then '[{"path": "declined_resident_ids", "code": "not_member"}]'::jsonb else '[]'::jsonb end
			           || case when c.received_on not between c.start_on and c.end_on
			                   then '[{"path": "received_on", "code": "outside_period"}]'::jsonb else '[]'::jsonb end
			           || case when c.channel = 'online' and c.applicant is distinct from c.head_resident_id
			                   then '[{"path": "applicant", "code": "not_head"}]'::jsonb else '[]'::jsonb end as all_problems
			    from checked c
			),
			live as (
			    insert into benefit_application (%1$s)
			    select %2$s
			    from decided where nth = 1
			    on conflict (tenant_id, programme_id, household_id) where status not in ('duplicate', 'rejected') do nothing
			    returning intake_key, status
			),
			held as (
			    insert into benefit_application (%1$s)
			    select %3$s
			    from decided d where not exists (select 1 from live where live.intake_key = d.intake_key)
			    returning intake_key, status
			)
			select status from live union all select status from held
			""".formatted(COLUMNS, VALUES.formatted("""
			case when jsonb_array_length(all_problems) > 0 then 'correction-needed'
			     when manual then 'checking'
			     when persons_paid = 0 then 'declined'
			     else 'checked' end"""), VALUES.formatted("'duplicate'"));

	private ApplicationSettlement() {
	}
}
