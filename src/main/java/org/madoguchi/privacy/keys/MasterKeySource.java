package org.madoguchi.privacy.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master key comes from: MADOGUCHI_MASTER_KEY in production. A demo on the embedded database
 * may run without one, on a key generated into the data folder; that key sits next to the data it
 * protects, so it is said loudly at every start. With an external database there is no such fallback:
 * a production install that forgot the key must not start encrypting under a key nobody has saved.
 */
final class MasterKeySource {

	static final String FILE_NAME = "master.key";
	private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private MasterKeySource() {
	}

	static MasterKeys load(String configured, String previous, boolean embeddedDatabase, Path dataDir) {
		MasterKey current;
		if (configured != null && !configured.isBlank()) {
			current = MasterKey.parse(configured, "MADOGUCHI_MASTER_KEY");
		} else if (embeddedDatabase) {
			current = demoKey(dataDir.resolve(FILE_NAME));
		} else {
			throw new IllegalStateException("""
					MADOGUCHI_MASTER_KEY is not set. With an external database (MADOGUCHI_DB_URL) the master key \
					that protects My Numbers and bank accounts must come from the environment: generate 32 random \
					bytes with `openssl rand -base64 32`, keep them in your secret store, and set MADOGUCHI_MASTER_KEY.""");
		}
		Optional<MasterKey> before = previous == null || previous.isBlank() ? Optional.empty()
				: Optional.of(MasterKey.parse(previous, "MADOGUCHI_MASTER_KEY_PREVIOUS"));
		before.ifPresent(key -> log.info("Master key {} is current; keys wrapped by the previous master key {} can still be"
				+ " unwrapped until they are re-wrapped (POST /api/v1/admin/keys:rewrap)", current.id(), key.id()));
		return new MasterKeys(current, before);
	}

	private static MasterKey demoKey(Path file) {
		try {
			MasterKey key = Files.exists(file) ? MasterKey.parse(Files.readString(file), file.toString()) : generate(file);
			log.warn("""

					************************************************************************************
					*  DEMO MODE: personal data is encrypted under a master key generated into
					*    {}
					*  on this machine, next to the database it protects. Anyone who copies the data
					*  folder can read every My Number and bank account in it.
					*  Production must set MADOGUCHI_MASTER_KEY (32 random bytes in base64, e.g. from
					*  `openssl rand -base64 32`) and keep it in a secret store outside the database.
					************************************************************************************""",
					file.toAbsolutePath());
			return key;
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the demo master key " + file, e);
		}
	}

	private static MasterKey generate(Path file) throws IOException {
		byte[] bytes = new byte[MasterKey.LENGTH];
		new SecureRandom().nextBytes(bytes);
		Files.createDirectories(file.toAbsolutePath().getParent());
		try {
			// created with owner-only permissions, so the key is never readable by others even for a moment
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		} catch (FileAlreadyExistsException raced) {
			return MasterKey.parse(Files.readString(file), file.toString());
		}
		Files.setPosixFilePermissions(file, OWNER_ONLY);
		Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");
		return MasterKey.of(bytes);
	}
}
