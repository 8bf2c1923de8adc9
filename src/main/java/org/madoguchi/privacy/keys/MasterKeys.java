package org.madoguchi.privacy.keys;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The master key in force, and during a rotation the one it replaces. New wrapping always uses the
 * current key; the previous one only opens what was wrapped before the change, until {@code rewrapAll}
 * has moved everything over and the operator removes it.
 */
public record MasterKeys(MasterKey current, Optional<MasterKey> previous) {

	public MasterKeys {
		if (previous.isPresent() && previous.get().id().equals(current.id())) {
			previous = Optional.empty();
		}
	}

	public static MasterKeys of(MasterKey current) {
		return new MasterKeys(current, Optional.empty());
	}

	public static MasterKeys rotating(MasterKey current, MasterKey previous) {
		return new MasterKeys(current, Optional.of(previous));
	}

	/** The key that wrapped something, by the id stored beside it. */
	public Optional<MasterKey> byId(String id) {
		return Stream.concat(Stream.of(current), previous.stream()).filter(key -> key.id().equals(id)).findFirst();
	}
}
