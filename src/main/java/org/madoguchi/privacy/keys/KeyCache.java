package org.madoguchi.privacy.keys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Unwrapped keys kept in memory, least recently used first out, so a busy node does not read and unwrap
 * a key for every value. Safe to keep because a key's material never changes: rotation adds a version
 * and re-wrapping changes only how the key rests in the database.
 */
final class KeyCache {

	private record Slot(String municipality, Purpose purpose, int version) {
	}

	private final Map<Slot, DataKey> keys;

	KeyCache(int capacity) {
		this.keys = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Slot, DataKey> eldest) {
				return size() > capacity;
			}
		};
	}

	synchronized Optional<DataKey> get(String municipality, Purpose purpose, int version) {
		return Optional.ofNullable(keys.get(new Slot(municipality, purpose, version)));
	}

	synchronized DataKey put(DataKey key) {
		keys.put(new Slot(key.municipality(), key.purpose(), key.version()), key);
		return key;
	}

	synchronized void evict(String municipality, Purpose purpose, int version) {
		keys.remove(new Slot(municipality, purpose, version));
	}

	synchronized int size() {
		return keys.size();
	}
}
