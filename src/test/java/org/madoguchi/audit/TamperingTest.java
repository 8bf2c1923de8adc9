package org.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.platform.database.EmbeddedPostgresHolder;
import org.springframework.beans.factory.annotation.Autowired;

/** Whatever an administrator does to the stored entries, verification names the first entry affected. */
@MadoguchiTest
class TamperingTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	EmbeddedPostgresHolder postgres;

	Chains chains;

	@BeforeEach
	void intruder() {
		chains = new Chains(trail, postgres);
	}

	@Test
	void a_fresh_chain_verifies_with_the_number_of_its_entries() {
		String municipality = chains.chainOf(5);

		assertThat(chains.verify(municipality)).isEqualTo(new ChainCheck(true, 5, null));
	}

	@Test
	void a_municipality_without_entries_has_a_valid_empty_chain() {
		assertThat(chains.verify(Chains.freshMunicipality())).isEqualTo(new ChainCheck(true, 0, null));
	}

	@Test
	void altering_the_reason_of_one_entry_is_found_at_that_entry() {
		String municipality = chains.chainOf(5);

		chains.tamper("update audit_entry set reason = 'nothing to see' where tenant_id = ? and seq = 3", municipality);

		assertThat(chains.verify(municipality)).isEqualTo(new ChainCheck(false, 5, 3L));
	}

	@Test
	void altering_the_details_of_one_entry_is_found_at_that_entry() {
		String municipality = chains.chainOf(5);

		chains.tamper("update audit_entry set details = '{\"step\": \"9\"}' where tenant_id = ? and seq = 2", municipality);

		assertThat(chains.verify(municipality).firstBrokenEntry()).isEqualTo(2L);
	}

	@Test
	void details_altered_beyond_recognition_are_found_and_still_shown() {
		String municipality = chains.chainOf(3);

		chains.tamper("update audit_entry set details = '{\"step\": {\"nested\": 1}}' where tenant_id = ? and seq = 2", municipality);

		assertThat(chains.verify(municipality).firstBrokenEntry()).isEqualTo(2L);
		try (var scope = TenantScope.open(municipality)) {
			assertThat(log.find(municipality, AuditFilter.none(), 0, 1).total()).isEqualTo(3);
			assertThat(log.find(municipality, AuditFilter.none(), 1, 1).items().getFirst().details())
				.containsEntry(AuditRows.UNREADABLE, "{\"step\": {\"nested\": 1}}");
		}
	}

	@Test
	void deleting_a_middle_entry_is_found_as_the_missing_number() {
		String municipality = chains.chainOf(5);

		chains.tamper("delete from audit_entry where tenant_id = ? and seq = 3", municipality);

		assertThat(chains.verify(municipality)).isEqualTo(new ChainCheck(false, 4, 3L));
	}

	@Test
	void deleting_a_middle_entry_and_renumbering_the_rest_is_found() {
		String municipality = chains.chainOf(5);

		chains.tamper("delete from audit_entry where tenant_id = ? and seq = 3", municipality);
		chains.tamper("update audit_entry set seq = seq - 1 where tenant_id = ? and seq > 3", municipality);
		chains.tamper("update audit_chain_head set last_seq = 4 where tenant_id = ?", municipality);

		assertThat(chains.verify(municipality)).isEqualTo(new ChainCheck(false, 4, 3L));
	}

	@Test
	void deleting_the_last_entries_is_found_through_the_chain_head() {
		String municipality = chains.chainOf(5);

		chains.tamper("delete from audit_entry where tenant_id = ? and seq >= 4", municipality);

		assertThat(chains.verify(municipality)).isEqualTo(new ChainCheck(false, 3, 4L));
	}

	@Test
	void swapping_two_entries_is_found_at_the_first_of_them() {
		String municipality = chains.chainOf(5);

		chains.tamper("update audit_entry set seq = 1000 where tenant_id = ? and seq = 2", municipality);
		chains.tamper("update audit_entry set seq = 2 where tenant_id = ? and seq = 3", municipality);
		chains.tamper("update audit_entry set seq = 3 where tenant_id = ? and seq = 1000", municipality);

		assertThat(chains.verify(municipality)).isEqualTo(new ChainCheck(false, 5, 2L));
	}

	@Test
	void swapping_the_contents_of_two_entries_is_found_at_the_first_of_them() {
		String municipality = chains.chainOf(5);

		chains.tamper("""
				update audit_entry a set reason = b.reason, subject_id = b.subject_id, details = b.details
				from audit_entry b
				where a.tenant_id = ? and b.tenant_id = a.tenant_id and a.seq + b.seq = 9 and a.seq in (4, 5)
				""", municipality);

		assertThat(chains.verify(municipality)).isEqualTo(new ChainCheck(false, 5, 4L));
	}

	@Test
	void an_altered_entry_with_a_recomputed_hash_breaks_the_link_to_the_next_entry() {
		String municipality = chains.chainOf(5);

		rewriteReason(municipality, 3, "nothing to see");

		assertThat(chains.verify(municipality)).isEqualTo(new ChainCheck(false, 5, 4L));
	}

	@Test
	void an_altered_last_entry_with_a_recomputed_hash_is_found_through_the_chain_head() {
		String municipality = chains.chainOf(5);

		rewriteReason(municipality, 5, "nothing to see");

		assertThat(chains.verify(municipality)).isEqualTo(new ChainCheck(false, 5, 5L));
	}

	@Test
	void an_entry_appended_behind_the_writers_back_is_found_even_with_a_valid_hash() {
		String municipality = chains.chainOf(2);
		var forged = new AuditEntry(3L, Instant.now().truncatedTo(ChronoUnit.MICROS), "intruder", "case.keyed", null, null,
				null, Map.of());

		chains.tamper("""
				insert into audit_entry (tenant_id, seq, at, actor, action, prev_hash, hash)
				values (?, 3, ?, 'intruder', 'case.keyed', ?, ?)
				""", municipality, AuditRows.timestamp(forged.at()), hashOf(municipality, 2),
				ChainHash.of(hashOf(municipality, 2), municipality, forged));

		assertThat(chains.verify(municipality)).isEqualTo(new ChainCheck(false, 3, 3L));
	}

	/** What an intruder who knows the hash function does: change an entry and give it a matching hash. */
	private void rewriteReason(String municipality, long seq, String reason) {
		AuditEntry original;
		byte[] previous;
		try (var connection = postgres.running().orElseThrow().superuserConnection();
				var read = connection.prepareStatement("select " + AuditRows.COLUMNS
						+ ", prev_hash from audit_entry where tenant_id = ? and seq = ?")) {
			read.setString(1, municipality);
			read.setLong(2, seq);
			try (var row = read.executeQuery()) {
				row.next();
				original = AuditRows.entry(row);
				previous = row.getBytes(9);
			}
		} catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		var forged = new AuditEntry(original.id(), original.at(), original.actor(), original.action(),
				original.subjectType(), original.subjectId(), reason, original.details());
		chains.tamper("update audit_entry set reason = ?, hash = ? where tenant_id = ? and seq = ?", reason,
				ChainHash.of(previous, municipality, forged), municipality, seq);
	}

	private byte[] hashOf(String municipality, long seq) {
		try (var connection = postgres.running().orElseThrow().superuserConnection();
				var read = connection.prepareStatement("select hash from audit_entry where tenant_id = ? and seq = ?")) {
			read.setString(1, municipality);
			read.setLong(2, seq);
			try (var row = read.executeQuery()) {
				row.next();
				return row.getBytes(1);
			}
		} catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
