package org.madoguchi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.privacy.PersonalDataVaultTest.in;

import java.security.SecureRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.audit.AuditFilter;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Role;
import org.madoguchi.privacy.keys.DataKeys;
import org.madoguchi.privacy.keys.MasterKey;
import org.madoguchi.privacy.keys.MasterKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Key changes on a municipality the other tests leave alone (072079), so they see none of it. */
@MadoguchiTest
class KeyRotationTest {

	static final String CITY = "072079";

	@Autowired
	PersonalDataVault vault;
	@Autowired
	KeyRotation rotation;
	@Autowired
	MasterKeys masters;
	@Autowired
	AuditTrail audit;
	@Autowired
	AuditLog auditLog;
	@Autowired
	JdbcClient db;
	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void afterRotationOldValuesStayReadableAndNewOnesUseTheNewVersion() {
		String before = MyNumbers.random();
		String after = MyNumbers.random();
		var old = in(CITY, () -> vault.store(CITY, PersonalDataKind.MY_NUMBER, before));
		int version = in(CITY, () -> rotation.rotateEncryptionKey(CITY));
		var fresh = in(CITY, () -> vault.store(CITY, PersonalDataKind.MY_NUMBER, after));

		assertThat(sealedOf(old.id()).keyVersion()).isLessThan(version);
		assertThat(sealedOf(fresh.id()).keyVersion()).isEqualTo(version);
		assertThat(reveal(old.id())).isEqualTo(before);
		assertThat(reveal(fresh.id())).isEqualTo(after);
		assertThat(in(CITY, () -> vault.search(CITY, PersonalDataKind.MY_NUMBER, before))).contains(old);
		assertThat(in(CITY, () -> auditLog.find(CITY, new AuditFilter(null, null, null, "keys.rotated", null, null), 0, 50))
			.items()).anySatisfy(entry -> assertThat(entry.details()).containsEntry("encryptionKeyVersion", Integer.toString(version)));
	}

	@Test
	void reWrappingUnderANewMasterKeyKeepsEveryValueReadable() {
		String number = MyNumbers.random();
		var stored = in(CITY, () -> vault.store(CITY, PersonalDataKind.MY_NUMBER, number));
		var index = in(CITY, () -> new Seal(keys(MasterKeys.of(masters.current()))).blindIndex(CITY, "my-number", number));
		MasterKey next = randomKey();
		try {
			// restarted with the new key, the old one as previous: both open data keys meanwhile
			var rotating = keys(MasterKeys.rotating(next, masters.current()));
			assertThat(in(CITY, () -> new Seal(rotating).open(CITY, "my-number", sealedOf(stored.id())))).isEqualTo(number);
			int rewrapped = transaction(() -> new KeyRotation(rotating, MasterKeys.rotating(next, masters.current()), audit).rewrapAll());

			assertThat(rewrapped).isGreaterThanOrEqualTo(2);
			assertThat(in(CITY, () -> db.sql("select distinct master_key_id from data_key").query(String.class).list()))
				.containsExactly(next.id());
			// the previous key dropped: everything still opens and is still found
			var onlyNew = new Seal(keys(MasterKeys.of(next)));
			assertThat(in(CITY, () -> onlyNew.open(CITY, "my-number", sealedOf(stored.id())))).isEqualTo(number);
			assertThat(in(CITY, () -> onlyNew.blindIndex(CITY, "my-number", number))).isEqualTo(index);
			// and a node still on the old key alone is told what is missing
			assertThatThrownBy(() -> in(CITY, () -> new Seal(keys(MasterKeys.of(masters.current())))
				.open(CITY, "my-number", sealedOf(stored.id()))))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("MADOGUCHI_MASTER_KEY_PREVIOUS");
			assertThat(in(CITY, () -> auditLog.find(CITY, new AuditFilter(null, null, null, "keys.rewrapped", null, null), 0, 50))
				.items()).anySatisfy(entry -> assertThat(entry.details()).containsEntry("masterKeyId", next.id()));
		} finally {
			transaction(() -> keys(MasterKeys.rotating(masters.current(), next)).rewrapAll());
		}
		assertThat(reveal(stored.id())).isEqualTo(number);
	}

	@Test
	void reWrappingWhenEverythingIsUnderTheCurrentKeyChangesNothing() {
		in(CITY, () -> vault.store(CITY, PersonalDataKind.PHONE, "024-535-1111"));

		assertThat(transaction(() -> rotation.rewrapAll())).isZero();
	}

	private DataKeys keys(MasterKeys keys) {
		return new DataKeys(db, keys, transactions);
	}

	private Sealed sealedOf(long id) {
		return in(CITY, () -> new Sealed(db.sql("select sealed from personal_value where tenant_id = ? and id = ?")
			.params(CITY, id).query(byte[].class).single()));
	}

	private String reveal(long id) {
		try (var official = SignedIn.as("fukushima-official", Role.MUNICIPAL_OFFICIAL, CITY)) {
			return in(CITY, () -> vault.reveal(CITY, id, "鍵更新の確認")).value();
		}
	}

	private <T> T transaction(Supplier<T> work) {
		return in(CITY, () -> new TransactionTemplate(transactions).execute(status -> work.get()));
	}

	private static MasterKey randomKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return MasterKey.of(bytes);
	}
}
