package org.madoguchi.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class MasterKeyTest {

	private static final byte[] BYTES = new byte[32];

	static {
		Arrays.fill(BYTES, (byte) 7);
	}

	@Test
	void theIdIsTheFirstEightBytesOfTheKeysSha256InHex() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(BYTES);

		assertThat(MasterKey.of(BYTES).id()).isEqualTo(HexFormat.of().formatHex(digest, 0, 8)).hasSize(16);
	}

	@Test
	void aKeyIsReadFromBase64AndMustBeThirtyTwoBytes() {
		assertThat(MasterKey.parse(Base64.getEncoder().encodeToString(BYTES), "X").id()).isEqualTo(MasterKey.of(BYTES).id());
		assertThatThrownBy(() -> MasterKey.parse(Base64.getEncoder().encodeToString(new byte[16]), "MADOGUCHI_MASTER_KEY"))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("MADOGUCHI_MASTER_KEY must be 32");
		assertThatThrownBy(() -> MasterKey.parse("not base64 at all!", "MADOGUCHI_MASTER_KEY"))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("not valid base64");
	}

	@Test
	void aBadKeyIsNeverRepeatedInTheMessage() {
		String secret = Base64.getEncoder().encodeToString(new byte[31]) + "A";

		assertThatThrownBy(() -> MasterKey.parse(secret, "MADOGUCHI_MASTER_KEY")).message().doesNotContain(secret);
	}

	@Test
	void itsTextFormShowsOnlyTheId() {
		var key = MasterKey.of(BYTES);

		assertThat(key).hasToString("MasterKey[" + key.id() + "]");
	}

	@Test
	void theSameKeyGivenAsPreviousIsNoRotation() {
		var key = MasterKey.of(BYTES);

		assertThat(MasterKeys.rotating(key, MasterKey.of(BYTES)).previous()).isEmpty();
	}
}
