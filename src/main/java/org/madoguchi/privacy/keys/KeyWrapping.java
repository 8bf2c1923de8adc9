package org.madoguchi.privacy.keys;

import java.nio.charset.StandardCharsets;

import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Data keys rest in the database only wrapped (AES-GCM) under the master key. The associated data names
 * the municipality, purpose and version, so a wrapped key moved to another row does not unwrap.
 */
final class KeyWrapping {

	private KeyWrapping() {
	}

	static byte[] wrap(MasterKey master, String municipality, Purpose purpose, int version, SecretKey key) {
		return Gcm.seal(master.secret(), associated(municipality, purpose, version), key.getEncoded());
	}

	static SecretKey unwrap(MasterKey master, String municipality, Purpose purpose, int version, byte[] wrapped) {
		try {
			return new SecretKeySpec(Gcm.open(master.secret(), associated(municipality, purpose, version), wrapped, 0), "AES");
		} catch (AEADBadTagException e) {
			throw new IllegalStateException("the " + purpose.code() + " key v" + version + " of " + municipality
					+ " does not unwrap under master key " + master.id() + ": it was altered or moved");
		}
	}

	private static byte[] associated(String municipality, Purpose purpose, int version) {
		return ("madoguchi/data-key|" + municipality + "|" + purpose.code() + "|" + version).getBytes(StandardCharsets.UTF_8);
	}
}
