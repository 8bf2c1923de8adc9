package org.madoguchi.benefits;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Copies the register as it stood on the reference date into the programme, set-based: two statements
 * whatever the city's size. {@code register_on(city, day)} is the residents module's published view of the
 * register on a day. Households are numbered in order of their register id, so the same register gives
 * the same application numbers.
 */
final class EligibilitySnapshot {

	private final JdbcClient db;

	EligibilitySnapshot(JdbcClient db) {
		this.db = db;
	}

	void take(Programme programme) {
		String city = programme.municipality();
		db.sql("""
				insert into benefit_household (tenant_id, programme_id, household_id, application_number, head_resident_id, persons,
				    postal_code, address)
				select ?, ?, household_id, body || damm_check_digit(body), head, persons, postal_code, address
				from (
				    select household_id, lpad(?::text, 2, '0') || lpad((row_number() over (order by household_id))::text, 7, '0') as body,
				           min(resident_id) filter (where relationship = '世帯主') as head, count(*) as persons,
				           (array_agg(postal_code order by relationship = '世帯主' desc, resident_id))[1] as postal_code,
				           (array_agg(address order by relationship = '世帯主' desc, resident_id))[1] as address
				    from register_on(?, ?)
				    group by household_id
				) households
				""").params(city, programme.id(), programme.ordinal(), city, programme.referenceDate()).update();
		db.sql("""
				insert into benefit_member (tenant_id, programme_id, household_id, resident_id, is_head, relationship, name, name_kana,
				    birth_date)
				select ?, ?, household_id, resident_id, relationship = '世帯主', relationship, name, name_kana, birth_date
				from register_on(?, ?)
				""").params(city, programme.id(), city, programme.referenceDate()).update();
		db.sql("update benefit_programme set snapshot_at = now() where tenant_id = ? and id = ?").params(city, programme.id()).update();
		// the next statements (forms, intake) join these tables at once: without statistics on hundreds of
		// thousands of new rows the planner guesses a handful and picks nested loops
		db.sql("analyze benefit_household, benefit_member").update();
	}
}
