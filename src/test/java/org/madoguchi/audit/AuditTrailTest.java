package org.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@MadoguchiTest
class AuditTrailTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	JdbcClient db;

	@Autowired
	PlatformTransactionManager transactionManager;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void concurrent_writers_produce_one_valid_chain_without_gaps() throws Exception {
		String municipality = Chains.freshMunicipality();
		List<Callable<Void>> writers = new ArrayList<>();
		for (int w = 0; w < 8; w++) {
			String writer = "writer-" + w;
			writers.add(() -> {
				try (var scope = TenantScope.open(municipality)) {
					for (int i = 0; i < 50; i++) {
						trail.record(AuditEvent.of(municipality, "case.keyed", "case", writer + "/" + i));
					}
				}
				return null;
			});
		}
		try (var pool = Executors.newFixedThreadPool(8)) {
			for (Future<Void> done : pool.invokeAll(writers)) {
				done.get();
			}
		}

		try (var scope = TenantScope.open(municipality)) {
			assertThat(trail.verify(municipality)).isEqualTo(new ChainCheck(true, 400, null));
			assertThat(db.sql("select seq from audit_entry where tenant_id = ? order by seq").param(municipality)
				.query(Long.class).list()).isEqualTo(LongStream.rangeClosed(1, 400).boxed().toList());
			assertThat(db.sql("select count(distinct subject_id) from audit_entry where tenant_id = ?").param(municipality)
				.query(Long.class).single()).isEqualTo(400);
		}
	}

	@Test
	void an_entry_belongs_to_the_callers_transaction_and_disappears_with_its_rollback() {
		String municipality = Chains.freshMunicipality();
		var transactions = new TransactionTemplate(transactionManager);
		try (var scope = TenantScope.open(municipality)) {
			transactions.executeWithoutResult(status -> {
				trail.record(AuditEvent.of(municipality, "case.decided", "case", "C-1"));
				status.setRollbackOnly();
			});
			trail.record(AuditEvent.of(municipality, "case.decided", "case", "C-2"));

			var entries = log.find(municipality, AuditFilter.none(), 0, 10).items();
			assertThat(entries).extracting(AuditEntry::id, AuditEntry::subjectId).containsExactly(tuple(1L, "C-2"));
			assertThat(trail.verify(municipality)).isEqualTo(new ChainCheck(true, 1, null));
		}
	}

	@Test
	void an_entry_is_numbered_once_committed_while_a_running_transaction_holds_nobody_up() throws Exception {
		String municipality = Chains.freshMunicipality();
		var transactions = new TransactionTemplate(transactionManager);
		try (var scope = TenantScope.open(municipality)) {
			trail.record(AuditEvent.of(municipality, "case.keyed", "case", "C-1"));
			transactions.executeWithoutResult(status -> {
				trail.record(AuditEvent.of(municipality, "case.keyed", "case", "C-2"));
				// another city worker records and verifies while C-2 is uncommitted: nobody waits for it
				try (var pool = Executors.newSingleThreadExecutor()) {
					var meanwhile = pool.submit(() -> TenantScope.call(List.of(municipality), () -> {
						trail.record(AuditEvent.of(municipality, "case.keyed", "case", "C-3"));
						return trail.verify(municipality);
					}));
					assertThat(meanwhile.get()).isEqualTo(new ChainCheck(true, 2, null));
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});

			assertThat(trail.verify(municipality)).isEqualTo(new ChainCheck(true, 3, null));
			assertThat(log.find(municipality, AuditFilter.none(), 0, 10).items())
				.extracting(AuditEntry::subjectId, AuditEntry::id)
				.containsExactlyInAnyOrder(tuple("C-1", 1L), tuple("C-3", 2L), tuple("C-2", 3L));
		}
	}

	@Test
	void the_actor_is_the_authenticated_user_or_else_the_system() {
		String municipality = Chains.freshMunicipality();
		try (var scope = TenantScope.open(municipality)) {
			trail.record(AuditEvent.of(municipality, "batch.ran"));
			SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("tanaka", null, "ROLE_X"));
			trail.record(AuditEvent.of(municipality, "case.viewed", "case", "C-1"));

			assertThat(log.find(municipality, AuditFilter.none(), 0, 10).items()).extracting(AuditEntry::actor)
				.containsExactly("tanaka", "system");
		}
	}

	@Test
	void what_is_recorded_reads_back_exactly_as_it_was_given() {
		String municipality = Chains.freshMunicipality();
		var details = Map.of("氏名", "髙橋　﨑子", "note", "line 1\nline 2 \"quoted\"", "empty", "");
		try (var scope = TenantScope.open(municipality)) {
			trail.record(new AuditEvent(municipality, "resident.viewed", "resident", "R-1", "窓口での本人確認", details));

			var entry = log.find(municipality, AuditFilter.none(), 0, 1).items().getFirst();
			assertThat(entry.action()).isEqualTo("resident.viewed");
			assertThat(entry.subjectType()).isEqualTo("resident");
			assertThat(entry.subjectId()).isEqualTo("R-1");
			assertThat(entry.reason()).isEqualTo("窓口での本人確認");
			assertThat(entry.details()).isEqualTo(details);
			assertThat(trail.verify(municipality).valid()).isTrue();
		}
	}

	@Test
	void recording_for_a_municipality_outside_the_tenant_scope_is_refused() {
		String municipality = Chains.freshMunicipality();
		try (var scope = TenantScope.open(Chains.freshMunicipality())) {
			assertThatThrownBy(() -> trail.record(AuditEvent.of(municipality, "case.viewed")))
				.isInstanceOf(IllegalStateException.class);
		}
	}
}
