package org.madoguchi.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class KeyCacheTest {

	@Test
	void theCacheHoldsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
		var cache = new KeyCache(2);
		cache.put(key("281000", 1));
		cache.put(key("281000", 2));
		cache.get("281000", Purpose.ENCRYPTION, 1);
		cache.put(key("281000", 3));

		assertThat(cache.size()).isEqualTo(2);
		assertThat(cache.get("281000", Purpose.ENCRYPTION, 1)).isPresent();
		assertThat(cache.get("281000", Purpose.ENCRYPTION, 2)).isEmpty();
		assertThat(cache.get("281000", Purpose.ENCRYPTION, 3)).isPresent();
	}

	@Test
	void aDataKeysTextFormNamesItWithoutTheKey() {
		assertThat(key("281000", 2)).hasToString("DataKey[281000 encryption v2]");
	}

	private static DataKey key(String municipality, int version) {
		return new DataKey(municipality, Purpose.ENCRYPTION, version, new SecretKeySpec(new byte[32], "AES"));
	}
}
