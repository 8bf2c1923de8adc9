package org.madoguchi.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class KeyWrappingTest {

	private final MasterKey master = random();
	private final SecretKey dataKey = new SecretKeySpec(random().secret().getEncoded(), "AES");

	@Test
	void aWrappedKeyUnwrapsToTheSameKey() {
		byte[] wrapped = KeyWrapping.wrap(master, "281000", Purpose.ENCRYPTION, 3, dataKey);

		assertThat(KeyWrapping.unwrap(master, "281000", Purpose.ENCRYPTION, 3, wrapped).getEncoded()).isEqualTo(dataKey.getEncoded());
		assertThat(HexFormat.of().formatHex(wrapped)).doesNotContain(HexFormat.of().formatHex(dataKey.getEncoded()));
	}

	@Test
	void aWrappedKeyMovedToAnotherCityPurposeOrVersionDoesNotUnwrap() {
		byte[] wrapped = KeyWrapping.wrap(master, "281000", Purpose.ENCRYPTION, 3, dataKey);

		assertThatThrownBy(() -> KeyWrapping.unwrap(master, "271004", Purpose.ENCRYPTION, 3, wrapped)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> KeyWrapping.unwrap(master, "281000", Purpose.INDEX, 3, wrapped)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> KeyWrapping.unwrap(master, "281000", Purpose.ENCRYPTION, 2, wrapped)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void rewrappingUnderANewMasterKeyKeepsTheSameDataKey() {
		MasterKey next = random();
		byte[] underOld = KeyWrapping.wrap(master, "281000", Purpose.INDEX, 1, dataKey);
		var rotating = MasterKeys.rotating(next, master);

		SecretKey unwrapped = KeyWrapping.unwrap(rotating.byId(master.id()).orElseThrow(), "281000", Purpose.INDEX, 1, underOld);
		byte[] underNew = KeyWrapping.wrap(rotating.current(), "281000", Purpose.INDEX, 1, unwrapped);

		assertThat(KeyWrapping.unwrap(next, "281000", Purpose.INDEX, 1, underNew).getEncoded()).isEqualTo(dataKey.getEncoded());
		assertThatThrownBy(() -> KeyWrapping.unwrap(master, "281000", Purpose.INDEX, 1, underNew)).isInstanceOf(IllegalStateException.class);
	}

	static MasterKey random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return MasterKey.of(bytes);
	}
}
