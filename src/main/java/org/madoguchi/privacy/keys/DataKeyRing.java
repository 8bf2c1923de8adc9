package org.madoguchi.privacy.keys;

import java.util.Optional;

/** Where sealing finds a municipality's keys; the database in the app, a map in unit tests. */
public interface DataKeyRing {

	/** The newest encryption key, created on first use. */
	DataKey currentEncryptionKey(String municipality);

	/** An older or current encryption key, named by the version a sealed value carries. */
	Optional<DataKey> encryptionKey(String municipality, int version);

	/** The one index key, created on first use. */
	DataKey indexKey(String municipality);
}
