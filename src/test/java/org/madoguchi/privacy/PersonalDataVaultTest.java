package org.madoguchi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.privacy.PersonalDataKind.MY_NUMBER;
import static org.madoguchi.privacy.PersonalDataKind.PHONE;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.audit.AuditFilter;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Role;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@MadoguchiTest
class PersonalDataVaultTest {

	static final String KOBE = "281000";
	static final String OSAKA = "271004";

	@Autowired
	PersonalDataVault vault;
	@Autowired
	Seal seal;
	@Autowired
	AuditLog auditLog;
	@Autowired
	JdbcClient db;

	@Test
	void aStoredMyNumberIsKeptBehindAReferenceAndAMask() {
		String number = MyNumbers.random();
		var stored = in(KOBE, () -> vault.store(KOBE, MY_NUMBER, number));

		assertThat(stored.masked()).isEqualTo("********" + number.substring(8));
		assertThat(in(KOBE, () -> vault.find(KOBE, stored.id()))).isEqualTo(stored);
		assertThat(stored.toString()).doesNotContain(number);
	}

	@Test
	void searchFindsTheStoredValueAndNotOthers() {
		String number = MyNumbers.random();
		var wanted = in(KOBE, () -> vault.store(KOBE, MY_NUMBER, number));
		var other = in(KOBE, () -> vault.store(KOBE, MY_NUMBER, MyNumbers.random()));

		var found = in(KOBE, () -> vault.search(KOBE, MY_NUMBER, number));

		assertThat(found).containsExactly(wanted).doesNotContain(other);
		assertThat(in(OSAKA, () -> vault.search(OSAKA, MY_NUMBER, number))).isEmpty();
	}

	@Test
	void aPhoneNumberIsFoundHoweverItsHyphensWereTyped() {
		var stored = in(KOBE, () -> vault.store(KOBE, PHONE, "078-331-8181"));

		assertThat(in(KOBE, () -> vault.search(KOBE, PHONE, "0783318181"))).contains(stored);
		assertThat(stored.masked()).isEqualTo("***-***-8181");
	}

	@Test
	void aValueSealedForKobeCannotBeOpenedAsOsaka() {
		var sealed = in(KOBE, () -> seal.seal(KOBE, "my-number", "123456789018"));

		try (var both = TenantScope.open(java.util.List.of(KOBE, OSAKA))) {
			assertThat(seal.open(KOBE, "my-number", sealed)).isEqualTo("123456789018");
			assertThatThrownBy(() -> seal.open(OSAKA, "my-number", sealed)).isInstanceOf(UnreadableSeal.class);
		}
	}

	@Test
	void anotherCitysReferenceIsNotFound() {
		var stored = in(KOBE, () -> vault.store(KOBE, MY_NUMBER, MyNumbers.random()));

		assertThatThrownBy(() -> in(OSAKA, () -> vault.find(OSAKA, stored.id()))).isInstanceOf(NotFound.class);
	}

	@Test
	void aRoleThatMayNotSeePersonalDataCannotRevealIt() {
		var stored = in(KOBE, () -> vault.store(KOBE, MY_NUMBER, MyNumbers.random()));

		try (var clerk = SignedIn.as("kobe-clerk", Role.OPERATOR_CLERK, KOBE)) {
			assertThatThrownBy(() -> in(KOBE, () -> vault.reveal(KOBE, stored.id(), "本人確認のため")))
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThatThrownBy(() -> in(KOBE, () -> vault.reveal(KOBE, stored.id(), "no caller at all")))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void revealingNeedsAReasonOfAtLeastFourCharacters() {
		var stored = in(KOBE, () -> vault.store(KOBE, MY_NUMBER, MyNumbers.random()));

		try (var checker = SignedIn.as("kobe-checker", Role.OPERATOR_CHECKER, KOBE)) {
			assertThat(problemOf(() -> vault.reveal(KOBE, stored.id(), "  "))).isEqualTo("reason:required");
			assertThat(problemOf(() -> vault.reveal(KOBE, stored.id(), null))).isEqualTo("reason:required");
			assertThat(problemOf(() -> vault.reveal(KOBE, stored.id(), "abc"))).isEqualTo("reason:too_short");
		}
	}

	@Test
	void revealingShowsTheValueAndRecordsWhoWhyAndWhatInTheAuditTrail() {
		String number = MyNumbers.random();
		var stored = in(KOBE, () -> vault.store(KOBE, MY_NUMBER, number));

		RevealedValue revealed;
		try (var checker = SignedIn.as("kobe-checker", Role.OPERATOR_CHECKER, KOBE)) {
			revealed = in(KOBE, () -> vault.reveal(KOBE, stored.id(), "給付金申請の本人確認"));
		}

		assertThat(revealed.value()).isEqualTo(number);
		assertThat(revealed.toString()).doesNotContain(number);
		var entries = in(KOBE, () -> auditLog.find(KOBE, new AuditFilter(null, null, null, "personal-data.revealed",
				"personal-data", Long.toString(stored.id())), 0, 10)).items();
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.actor()).isEqualTo("kobe-checker");
			assertThat(entry.reason()).isEqualTo("給付金申請の本人確認");
			assertThat(entry.details()).containsEntry("kind", "my-number").doesNotContainValue(number);
		});
	}

	@Test
	void storingAndSearchingAreAuditedWithoutTheValue() {
		String number = MyNumbers.random();
		var stored = in(KOBE, () -> vault.store(KOBE, MY_NUMBER, number));
		in(KOBE, () -> vault.search(KOBE, MY_NUMBER, number));

		var storedEntries = in(KOBE, () -> auditLog.find(KOBE, new AuditFilter(null, null, null, "personal-data.stored",
				"personal-data", Long.toString(stored.id())), 0, 10)).items();
		var searches = in(KOBE, () -> auditLog.find(KOBE, new AuditFilter(null, null, null, "personal-data.searched",
				null, null), 0, 200)).items();
		assertThat(storedEntries).hasSize(1);
		assertThat(searches).isNotEmpty().allSatisfy(entry -> assertThat(entry.toString()).doesNotContain(number));
	}

	@Test
	void anInvalidValueIsRefusedWithItsCodeAndNothingIsWritten() {
		long before = in(KOBE, () -> db.sql("select count(*) from personal_value").query(Long.class).single());

		assertThat(problemOf(() -> vault.store(KOBE, MY_NUMBER, "621498320258"))).isEqualTo("value:check_digit");
		assertThat(problemOf(() -> vault.store(KOBE, MY_NUMBER, "62149832025"))).isEqualTo("value:format");
		assertThat(problemOf(() -> vault.search(KOBE, MY_NUMBER, "621498320258"))).isEqualTo("value:check_digit");
		assertThat(in(KOBE, () -> db.sql("select count(*) from personal_value").query(Long.class).single())).isEqualTo(before);
	}

	private String problemOf(Supplier<?> work) {
		try {
			in(KOBE, work);
			return "accepted";
		} catch (InvalidInput e) {
			return e.problems().getFirst().path() + ":" + e.problems().getFirst().code();
		}
	}

	static <T> T in(String municipality, Supplier<T> work) {
		try (var scope = TenantScope.open(municipality)) {
			return work.get();
		}
	}
}
