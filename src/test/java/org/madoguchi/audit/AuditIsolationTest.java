package org.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The database itself keeps the trail append-only and each city's entries to that city. */
@MadoguchiTest
class AuditIsolationTest {

	static final String KOBE = "281000";
	static final String OSAKA = "271004";

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient db;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void entries_of_osaka_are_invisible_within_a_kobe_scope_even_to_raw_sql() throws Exception {
		try (var scope = TenantScope.open(OSAKA)) {
			trail.record(AuditEvent.of(OSAKA, "case.decided", "case", "OSAKA-1"));
		}
		try (var scope = TenantScope.open(KOBE)) {
			trail.record(AuditEvent.of(KOBE, "case.decided", "case", "KOBE-1"));
			trail.verify(KOBE); // chains the entry, which creates Kobe's chain head
		}

		List<String> seen = new ArrayList<>();
		try (var scope = TenantScope.open(KOBE); var connection = dataSource.getConnection();
				var statement = connection.createStatement()) {
			for (String table : List.of("audit_entry", "audit_chain_head")) {
				try (var rows = statement.executeQuery("select * from " + table)) {
					while (rows.next()) {
						seen.add(table + ":" + rows.getString("tenant_id"));
					}
				}
			}
		}
		assertThat(seen).contains("audit_entry:" + KOBE, "audit_chain_head:" + KOBE)
			.noneMatch(row -> row.endsWith(OSAKA));
	}

	@Test
	void the_application_cannot_update_delete_or_truncate_an_entry() {
		String municipality = Chains.freshMunicipality();
		try (var scope = TenantScope.open(municipality)) {
			trail.record(AuditEvent.of(municipality, "case.decided", "case", "C-1").because("original"));

			assertThatThrownBy(() -> db.sql("update audit_entry set reason = 'changed' where tenant_id = ?")
				.param(municipality).update()).rootCause().hasMessageContaining("append-only");
			assertThatThrownBy(() -> db.sql("delete from audit_entry where tenant_id = ?").param(municipality).update())
				.rootCause().hasMessageContaining("append-only");
			assertThatThrownBy(() -> db.sql("truncate audit_entry").update()).rootCause().hasMessageContaining("append-only");
			assertThat(db.sql("select reason from audit_entry where tenant_id = ?").param(municipality)
				.query(String.class).single()).isEqualTo("original");
		}
	}

	@Test
	void a_chained_entry_cannot_be_renumbered_and_chaining_cannot_carry_a_change() {
		String municipality = Chains.freshMunicipality();
		try (var scope = TenantScope.open(municipality)) {
			trail.record(AuditEvent.of(municipality, "case.decided", "case", "C-1").because("original"));
			trail.record(AuditEvent.of(municipality, "case.decided", "case", "C-2").because("original"));
			assertThat(trail.verify(municipality).entries()).isEqualTo(2);

			assertThatThrownBy(() -> db.sql("update audit_entry set seq = seq + 100 where tenant_id = ?")
				.param(municipality).update()).rootCause().hasMessageContaining("append-only");
			// the one update the trigger allows is chaining, and only of an entry left exactly as it was; the
			// entry is still uncommitted here, so the chainer cannot have numbered it first
			assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
				trail.record(AuditEvent.of(municipality, "case.decided", "case", "C-3").because("original"));
				db.sql("""
						update audit_entry set seq = 3, prev_hash = decode(repeat('00', 32), 'hex'),
						    hash = decode(repeat('00', 32), 'hex'), reason = 'changed'
						where tenant_id = ? and subject_id = 'C-3' and seq is null
						""").param(municipality).update();
			})).rootCause().hasMessageContaining("append-only");
			assertThat(trail.verify(municipality)).isEqualTo(new ChainCheck(true, 2, null));
		}
	}
}
