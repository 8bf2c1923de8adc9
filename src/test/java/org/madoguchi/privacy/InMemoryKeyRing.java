package org.madoguchi.privacy;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.spec.SecretKeySpec;

import org.madoguchi.privacy.keys.DataKey;
import org.madoguchi.privacy.keys.DataKeyRing;
import org.madoguchi.privacy.keys.Purpose;

/** Keys in a map, so sealing can be tested without a database. */
class InMemoryKeyRing implements DataKeyRing {

	private static final SecureRandom RANDOM = new SecureRandom();
	private final Map<String, TreeMap<Integer, DataKey>> encryption = new HashMap<>();
	private final Map<String, DataKey> index = new HashMap<>();

	@Override
	public DataKey currentEncryptionKey(String municipality) {
		var versions = encryption.computeIfAbsent(municipality, m -> new TreeMap<>());
		if (versions.isEmpty()) {
			rotate(municipality);
		}
		return versions.lastEntry().getValue();
	}

	@Override
	public Optional<DataKey> encryptionKey(String municipality, int version) {
		return Optional.ofNullable(encryption.getOrDefault(municipality, new TreeMap<>()).get(version));
	}

	@Override
	public DataKey indexKey(String municipality) {
		return index.computeIfAbsent(municipality, m -> new DataKey(m, Purpose.INDEX, 1, random()));
	}

	int rotate(String municipality) {
		var versions = encryption.computeIfAbsent(municipality, m -> new TreeMap<>());
		int next = versions.isEmpty() ? 1 : versions.lastKey() + 1;
		versions.put(next, new DataKey(municipality, Purpose.ENCRYPTION, next, random()));
		return next;
	}

	private static SecretKeySpec random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new SecretKeySpec(bytes, "AES");
	}
}
