package org.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

@MadoguchiTest
class AuditLogTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	String municipality;
	TenantScope scope;

	/** Seven entries: suzuki keys C-1..C-3 and sato decides C-1, then suzuki views R-1..R-3. */
	@BeforeEach
	void history() {
		municipality = Chains.freshMunicipality();
		scope = TenantScope.open(municipality);
		as("suzuki");
		for (int i = 1; i <= 3; i++) {
			trail.record(AuditEvent.of(municipality, "case.keyed", "case", "C-" + i));
		}
		as("sato");
		trail.record(AuditEvent.of(municipality, "case.decided", "case", "C-1").because("要件を満たす"));
		as("suzuki");
		for (int i = 1; i <= 3; i++) {
			trail.record(AuditEvent.of(municipality, "resident.viewed", "resident", "R-" + i));
		}
	}

	@AfterEach
	void close() {
		SecurityContextHolder.clearContext();
		scope.close();
	}

	@Test
	void the_log_lists_newest_first_a_page_at_a_time_with_the_total() {
		var first = log.find(municipality, AuditFilter.none(), 0, 3);
		var third = log.find(municipality, AuditFilter.none(), 2, 3);
		var beyond = log.find(municipality, AuditFilter.none(), 3, 3);

		assertThat(first.total()).isEqualTo(7);
		assertThat(first.items()).extracting(AuditEntry::id).containsExactly(7L, 6L, 5L);
		assertThat(third.items()).extracting(AuditEntry::id).containsExactly(1L);
		assertThat(beyond.total()).isEqualTo(7);
		assertThat(beyond.items()).isEmpty();
	}

	@Test
	void the_log_filters_by_actor_action_and_subject() {
		assertThat(find(new AuditFilter(null, null, "sato", null, null, null)).items())
			.extracting(AuditEntry::action, AuditEntry::reason).containsExactly(tuple("case.decided", "要件を満たす"));
		assertThat(find(new AuditFilter(null, null, "suzuki", "resident.viewed", null, null)).total()).isEqualTo(3);
		assertThat(find(new AuditFilter(null, null, null, null, "case", "C-1")).items())
			.extracting(AuditEntry::actor).containsExactly("sato", "suzuki");
	}

	@Test
	void the_log_filters_by_a_period_that_includes_its_start_and_excludes_its_end() {
		var all = log.find(municipality, AuditFilter.none(), 0, 10).items();
		Instant fourth = all.get(3).at();
		Instant fifth = all.get(2).at();

		assertThat(find(new AuditFilter(fourth, fifth, null, null, null, null)).items()).extracting(AuditEntry::id)
			.containsExactly(4L);
		assertThat(find(new AuditFilter(Instant.now().plus(Duration.ofMinutes(1)), null, null, null, null, null)).total())
			.isZero();
		assertThat(find(new AuditFilter(null, Instant.now().plus(Duration.ofMinutes(1)), null, null, null, null)).total())
			.isEqualTo(7);
	}

	@Test
	void another_municipality_sees_nothing_of_this_log() {
		String other = Chains.freshMunicipality();
		try (var elsewhere = TenantScope.open(other)) {
			assertThat(log.find(municipality, AuditFilter.none(), 0, 10).total()).isZero();
		}
	}

	private AuditPage find(AuditFilter filter) {
		return log.find(municipality, filter, 0, 50);
	}

	private static void as(String username) {
		SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(username, null, "ROLE_X"));
	}
}
