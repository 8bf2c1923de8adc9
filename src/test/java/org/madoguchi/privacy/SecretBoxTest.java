package org.madoguchi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.madoguchi.privacy.keys.MasterKey;
import org.madoguchi.privacy.keys.MasterKeys;

class SecretBoxTest {

	private static final byte[] SEED = "totp seed of 20 b".getBytes(StandardCharsets.US_ASCII);
	private final MasterKey old = randomKey();
	private final MasterKey fresh = randomKey();

	@Test
	void aSealedSecretOpensInTheSameContext() {
		var box = new SecretBox(MasterKeys.of(old));

		assertThat(box.open(box.seal(SEED, "totp:1"), "totp:1")).isEqualTo(SEED);
	}

	@Test
	void aSecretMovedToAnotherContextDoesNotOpen() {
		var box = new SecretBox(MasterKeys.of(old));
		byte[] sealed = box.seal(SEED, "totp:1");

		assertThatThrownBy(() -> box.open(sealed, "totp:2")).isInstanceOf(UnreadableSeal.class);
	}

	@Test
	void anAlteredSecretDoesNotOpen() {
		var box = new SecretBox(MasterKeys.of(old));
		byte[] sealed = box.seal(SEED, "totp:1");
		sealed[sealed.length - 1] ^= 1;

		assertThatThrownBy(() -> box.open(sealed, "totp:1")).isInstanceOf(UnreadableSeal.class);
	}

	@Test
	void afterAMasterKeyChangeSecretsStillOpenWithThePreviousKeyAndCanBeResealed() {
		byte[] sealedBefore = new SecretBox(MasterKeys.of(old)).seal(SEED, "totp:1");
		var rotating = new SecretBox(MasterKeys.rotating(fresh, old));

		assertThat(rotating.open(sealedBefore, "totp:1")).isEqualTo(SEED);
		assertThat(rotating.isCurrent(sealedBefore)).isFalse();
		byte[] resealed = rotating.reseal(sealedBefore, "totp:1");
		assertThat(rotating.isCurrent(resealed)).isTrue();
		assertThat(new SecretBox(MasterKeys.of(fresh)).open(resealed, "totp:1")).isEqualTo(SEED);
	}

	@Test
	void withoutThePreviousKeyAnOldSecretDoesNotOpen() {
		byte[] sealedBefore = new SecretBox(MasterKeys.of(old)).seal(SEED, "totp:1");

		assertThatThrownBy(() -> new SecretBox(MasterKeys.of(fresh)).open(sealedBefore, "totp:1"))
			.isInstanceOf(UnreadableSeal.class).hasMessageContaining(fresh.id());
	}

	@Test
	void theBoxKeyIsDerivedSoItDiffersFromTheMasterKeyItself() {
		assertThat(old.derive("madoguchi/secret-box/v1").getEncoded()).hasSize(32)
			.isNotEqualTo(old.derive("something else").getEncoded());
	}

	static MasterKey randomKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return MasterKey.of(bytes);
	}
}
