package org.madoguchi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.madoguchi.privacy.keys.DataKey;
import org.madoguchi.privacy.keys.Gcm;

class SealTest {

	private static final String KOBE = "281000";
	private static final String OSAKA = "271004";
	private static final String NUMBER = "123456789018";

	private final InMemoryKeyRing keys = new InMemoryKeyRing();
	private final Seal seal = new Seal(keys);

	@Test
	void aSealedValueOpensToTheSameValue() {
		var sealed = seal.seal(KOBE, "my-number", NUMBER);

		assertThat(seal.open(KOBE, "my-number", sealed)).isEqualTo(NUMBER);
	}

	@Test
	void theSealedBytesAreFormatKeyVersionNonceAndCiphertextWithTag() {
		byte[] bytes = seal.seal(KOBE, "my-number", NUMBER).bytes();

		assertThat(bytes[0]).isEqualTo((byte) 1);
		assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(1);
		assertThat(bytes).hasSize(1 + 4 + Gcm.NONCE_BYTES + NUMBER.length() + Gcm.TAG_BYTES);
	}

	@Test
	void theSealedBytesDoNotContainTheValue() {
		byte[] bytes = seal.seal(KOBE, "my-number", NUMBER).bytes();

		assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(NUMBER).doesNotContain("9018");
	}

	@Test
	void changingAnyByteMakesTheSealUnreadable() {
		byte[] original = seal.seal(KOBE, "my-number", NUMBER).bytes();
		for (int i = 0; i < original.length; i++) {
			byte[] tampered = original.clone();
			tampered[i] ^= 0x01;
			assertThatThrownBy(() -> seal.open(KOBE, "my-number", new Sealed(tampered)))
				.as("byte %d changed", i).isInstanceOf(UnreadableSeal.class);
		}
	}

	@Test
	void aTruncatedSealIsUnreadable() {
		byte[] original = seal.seal(KOBE, "my-number", NUMBER).bytes();

		assertThatThrownBy(() -> seal.open(KOBE, "my-number", new Sealed(Arrays.copyOf(original, 20))))
			.isInstanceOf(UnreadableSeal.class);
		assertThatThrownBy(() -> seal.open(KOBE, "my-number", new Sealed(new byte[0]))).isInstanceOf(UnreadableSeal.class);
	}

	@Test
	void aValueSealedForOneCityDoesNotOpenForAnother() {
		keys.currentEncryptionKey(OSAKA);
		var sealed = seal.seal(KOBE, "my-number", NUMBER);

		assertThatThrownBy(() -> seal.open(OSAKA, "my-number", sealed)).isInstanceOf(UnreadableSeal.class);
	}

	@Test
	void aValueSealedForOneCityDoesNotOpenForAnotherEvenWithTheSameKey() {
		var shared = new InMemoryKeyRing() {
			@Override
			public DataKey currentEncryptionKey(String municipality) {
				return super.currentEncryptionKey(KOBE);
			}

			@Override
			public Optional<DataKey> encryptionKey(String municipality, int version) {
				return super.encryptionKey(KOBE, version);
			}
		};
		var sharedSeal = new Seal(shared);
		var sealed = sharedSeal.seal(KOBE, "my-number", NUMBER);

		assertThatThrownBy(() -> sharedSeal.open(OSAKA, "my-number", sealed)).isInstanceOf(UnreadableSeal.class);
	}

	@Test
	void aValueSealedForOneKindDoesNotOpenAsAnother() {
		var sealed = seal.seal(KOBE, "bank-account", "1234567");

		assertThatThrownBy(() -> seal.open(KOBE, "phone", sealed)).isInstanceOf(UnreadableSeal.class);
	}

	@Test
	void sealingTheSameValueTwiceUsesFreshNonces() {
		Set<ByteBuffer> nonces = new HashSet<>();
		Set<ByteBuffer> ciphertexts = new HashSet<>();
		for (int i = 0; i < 2_000; i++) {
			byte[] bytes = seal.seal(KOBE, "my-number", NUMBER).bytes();
			nonces.add(ByteBuffer.wrap(bytes, 5, Gcm.NONCE_BYTES).slice());
			ciphertexts.add(ByteBuffer.wrap(bytes));
		}

		assertThat(nonces).hasSize(2_000);
		assertThat(ciphertexts).hasSize(2_000);
	}

	@Test
	void aBulkSealerDrawsAFreshNonceForEveryValueAcrossItsBlocksOfNonces() {
		var sealer = seal.sealer(KOBE, "my-number");
		var opener = seal.opener(KOBE, "my-number");
		Set<ByteBuffer> nonces = new HashSet<>();
		for (int i = 0; i < 3_000; i++) {
			var sealed = sealer.apply(NUMBER);
			nonces.add(ByteBuffer.wrap(sealed.bytes(), 5, Gcm.NONCE_BYTES).slice());
			assertThat(opener.apply(sealed)).isEqualTo(NUMBER);
		}

		assertThat(nonces).hasSize(3_000);
	}

	@Test
	void equalValuesHaveEqualBlindIndexes() {
		assertThat(seal.blindIndex(KOBE, "my-number", NUMBER)).isEqualTo(seal.blindIndex(KOBE, "my-number", NUMBER));
		assertThat(seal.blindIndex(KOBE, "my-number", NUMBER).bytes()).hasSize(32);
	}

	@Test
	void differentValuesKindsOrCitiesHaveDifferentBlindIndexes() {
		var index = seal.blindIndex(KOBE, "my-number", NUMBER);

		assertThat(seal.blindIndex(KOBE, "my-number", "621498320257")).isNotEqualTo(index);
		assertThat(seal.blindIndex(KOBE, "phone", NUMBER)).isNotEqualTo(index);
		assertThat(seal.blindIndex(OSAKA, "my-number", NUMBER)).isNotEqualTo(index);
	}

	@Test
	void afterRotationNewValuesUseTheNewKeyAndOldOnesStillOpen() {
		var before = seal.seal(KOBE, "my-number", NUMBER);
		var index = seal.blindIndex(KOBE, "my-number", NUMBER);
		keys.rotate(KOBE);
		var after = seal.seal(KOBE, "my-number", NUMBER);

		assertThat(before.keyVersion()).isEqualTo(1);
		assertThat(after.keyVersion()).isEqualTo(2);
		assertThat(seal.open(KOBE, "my-number", before)).isEqualTo(NUMBER);
		assertThat(seal.open(KOBE, "my-number", after)).isEqualTo(NUMBER);
		assertThat(seal.blindIndex(KOBE, "my-number", NUMBER)).isEqualTo(index);
	}

	@Test
	void aSealNamingAKeyVersionTheCityDoesNotHaveIsUnreadable() {
		byte[] bytes = seal.seal(KOBE, "my-number", NUMBER).bytes();
		ByteBuffer.wrap(bytes).putInt(1, 7);

		assertThatThrownBy(() -> seal.open(KOBE, "my-number", new Sealed(bytes))).isInstanceOf(UnreadableSeal.class);
	}

	@Test
	void sealsAndIndexesDoNotShowTheirBytesAsText() {
		var sealed = seal.seal(KOBE, "my-number", NUMBER);

		assertThat(sealed).hasToString("Sealed[key v1, " + sealed.bytes().length + " bytes]");
		assertThat(seal.blindIndex(KOBE, "my-number", NUMBER)).hasToString("BlindIndex[32 bytes]");
	}

	@Test
	void kindsThatCouldBeConfusedInTheIndexInputAreRefused() {
		assertThatThrownBy(() -> seal.blindIndex(KOBE, "my:number", NUMBER)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> seal.seal(KOBE, "", NUMBER)).isInstanceOf(IllegalArgumentException.class);
	}
}
