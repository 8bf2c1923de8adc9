package org.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChainHashTest {

	static final Instant AT = Instant.parse("2026-11-02T00:30:00.123456Z");
	static final AuditEntry ENTRY = new AuditEntry(1L, AT, "suzuki", "case.keyed", "case", "C-1", null, Map.of("a", "1"));

	@Test
	void the_hash_is_sha256_and_depends_only_on_content() {
		byte[] hash = ChainHash.of(ChainHash.GENESIS, "281000", ENTRY);

		assertThat(hash).hasSize(32);
		assertThat(ChainHash.of(ChainHash.GENESIS, "281000", ENTRY)).isEqualTo(hash);
	}

	@Test
	void the_previous_hash_the_municipality_and_the_number_are_part_of_the_hash() {
		byte[] hash = ChainHash.of(ChainHash.GENESIS, "281000", ENTRY);
		byte[] otherPrevious = HexFormat.of().parseHex("01".repeat(32));

		assertThat(ChainHash.of(otherPrevious, "281000", ENTRY)).isNotEqualTo(hash);
		assertThat(ChainHash.of(ChainHash.GENESIS, "271004", ENTRY)).isNotEqualTo(hash);
		assertThat(ChainHash.of(ChainHash.GENESIS, "281000", with(2, "C-1", null))).isNotEqualTo(hash);
	}

	@Test
	void moving_text_between_fields_changes_the_hash() {
		var one = new AuditEntry(1L, AT, "ab", "c", null, null, null, Map.of());
		var other = new AuditEntry(1L, AT, "a", "bc", null, null, null, Map.of());
		var keyValue = new AuditEntry(1L, AT, "a", "b", null, null, null, Map.of("k", "v1"));
		var shifted = new AuditEntry(1L, AT, "a", "b", null, null, null, Map.of("kv", "1"));

		assertThat(ChainHash.of(ChainHash.GENESIS, "281000", one))
			.isNotEqualTo(ChainHash.of(ChainHash.GENESIS, "281000", other));
		assertThat(ChainHash.of(ChainHash.GENESIS, "281000", keyValue))
			.isNotEqualTo(ChainHash.of(ChainHash.GENESIS, "281000", shifted));
	}

	@Test
	void an_empty_reason_and_no_reason_hash_differently() {
		assertThat(ChainHash.of(ChainHash.GENESIS, "281000", with(1, "C-1", "")))
			.isNotEqualTo(ChainHash.of(ChainHash.GENESIS, "281000", with(1, "C-1", null)));
	}

	@Test
	void the_order_in_which_details_were_given_does_not_matter() {
		var forwards = new LinkedHashMap<String, String>();
		forwards.put("a", "1");
		forwards.put("b", "2");
		var backwards = new LinkedHashMap<String, String>();
		backwards.put("b", "2");
		backwards.put("a", "1");

		assertThat(ChainHash.of(ChainHash.GENESIS, "281000", new AuditEntry(1L, AT, "x", "y", null, null, null, forwards)))
			.isEqualTo(ChainHash.of(ChainHash.GENESIS, "281000", new AuditEntry(1L, AT, "x", "y", null, null, null, backwards)));
	}

	@Test
	void time_counts_in_microseconds_as_postgresql_stores_it() {
		assertThat(ChainHash.micros(AT)).isEqualTo(AT.getEpochSecond() * 1_000_000 + 123_456);
		assertThat(ChainHash.micros(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1);
	}

	private static AuditEntry with(long id, String subjectId, String reason) {
		return new AuditEntry(id, AT, "suzuki", "case.keyed", "case", subjectId, reason, Map.of("a", "1"));
	}
}
