package org.madoguchi.privacy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Role;

/** Without its audit entry there is no reveal: the failure reaches the caller and the value does not. */
class RevealAuditFailureTest {

	@Test
	void whenTheAuditEntryCannotBeWrittenTheValueIsNotReturned() {
		var seal = new Seal(new InMemoryKeyRing());
		var values = mock(PersonalValues.class);
		when(values.find(eq("281000"), anyLong())).thenReturn(Optional.of(new PersonalValues.Stored(7,
				PersonalDataKind.MY_NUMBER, seal.seal("281000", "my-number", "123456789018"), "********9018")));
		var audit = mock(AuditTrail.class);
		doThrow(new IllegalStateException("audit chain unavailable")).when(audit).record(any(AuditEvent.class));
		var vault = new PersonalDataVault(values, seal, audit);

		try (var checker = SignedIn.as("kobe-checker", Role.OPERATOR_CHECKER, "281000")) {
			assertThatThrownBy(() -> vault.reveal("281000", 7, "本人確認のため"))
				.isInstanceOf(IllegalStateException.class).hasMessage("audit chain unavailable");
		}
	}
}
