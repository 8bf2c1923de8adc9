package org.madoguchi.privacy;

import java.util.Map;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.privacy.keys.DataKeys;
import org.madoguchi.privacy.keys.MasterKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing keys while the app keeps serving.
 *
 * <p>Master key: restart every node with the new key as MADOGUCHI_MASTER_KEY and the old one as
 * MADOGUCHI_MASTER_KEY_PREVIOUS (both open data keys meanwhile), call {@link #rewrapAll()}, then drop the
 * previous key. Encryption key: {@link #rotateEncryptionKey} adds a version; values sealed before keep
 * theirs and stay readable. The index key is never rotated, or search would stop finding stored values.
 */
@Service
public class KeyRotation {

	private final DataKeys keys;
	private final MasterKeys masters;
	private final AuditTrail audit;

	KeyRotation(DataKeys keys, MasterKeys masters, AuditTrail audit) {
		this.keys = keys;
		this.masters = masters;
		this.audit = audit;
	}

	/** Re-wraps the data keys of every municipality in scope under the current master key; returns how many. */
	@Transactional
	public int rewrapAll() {
		Map<String, Integer> counts = keys.rewrapAll();
		counts.forEach((municipality, count) -> audit.record(AuditEvent.of(municipality, "keys.rewrapped")
			.with("keys", Integer.toString(count)).with("masterKeyId", masters.current().id())));
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Adds a new encryption key version for the municipality; returns that version. */
	@Transactional
	public int rotateEncryptionKey(String municipality) {
		if (!TenantScope.includes(municipality)) {
			throw new NotFound("code");
		}
		int version = keys.rotate(municipality);
		audit.record(AuditEvent.of(municipality, "keys.rotated").with("encryptionKeyVersion", Integer.toString(version)));
		return version;
	}

	/** The id (not the key) of the master key in force, for operators checking a rotation. */
	public String masterKeyId() {
		return masters.current().id();
	}
}
