package org.madoguchi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuditEventTest {

	@Test
	void the_factories_build_an_event_step_by_step() {
		var event = AuditEvent.of("281000", "case.decided", "case", "C-1").because("要件を満たす").with("amount", "100000");

		assertThat(event).isEqualTo(new AuditEvent("281000", "case.decided", "case", "C-1", "要件を満たす",
				Map.of("amount", "100000")));
		assertThat(AuditEvent.of("281000", "export.ran").details()).isEmpty();
	}

	@Test
	void details_are_copied_and_cannot_change_afterwards() {
		var details = new HashMap<String, String>();
		details.put("b", "2");
		details.put("a", "1");
		var event = new AuditEvent("281000", "x", null, null, null, details);
		details.put("c", "3");

		assertThat(event.details()).containsOnlyKeys("a", "b");
		assertThat(new AuditEvent("281000", "x", null, null, null, null).details()).isEmpty();
	}

	@Test
	void an_event_needs_a_municipality_code_and_an_action() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEvent.of("28100", "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEvent.of(null, "x"));
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEvent.of("281000", " "));
	}

	@Test
	void text_the_database_could_not_store_exactly_is_refused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEvent.of("281000", "x").because("a\u0000b"));
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEvent.of("281000", "x").with("k", "\ud800"));
		assertThatIllegalArgumentException().isThrownBy(() -> AuditEvent.of("281000", "x").with("k", null));
		assertThat(AuditEvent.of("281000", "x").with("name", "𠮷野家").details()).containsEntry("name", "𠮷野家");
	}
}
