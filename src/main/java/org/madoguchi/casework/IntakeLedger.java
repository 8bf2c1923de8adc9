package org.madoguchi.casework;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers each intake's idempotency key with a hash of the request. A retry with the same key and the
 * same request finds the case made the first time; the same key with a different request is a client
 * bug, refused rather than silently answered with an unrelated case.
 */
@Component
class IntakeLedger {

	private final JdbcClient db;

	IntakeLedger(JdbcClient db) {
		this.db = db;
	}

	static void checkKey(String key) {
		if (key == null || key.isBlank()) {
			throw new InvalidInput("Idempotency-Key", "required");
		}
		if (key.length() > 200 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			throw new InvalidInput("Idempotency-Key", "format");
		}
	}

	/** The case already made for this key, if the request is the same; a conflict if it is not. */
	Optional<String> earlier(String municipality, String key, byte[] requestHash) {
		record Row(String caseNumber, byte[] requestHash) {
		}
		return db.sql("select case_number, request_hash from intake_key where tenant_id = ? and idempotency_key = ?")
			.params(municipality, key).query(Row.class).optional().map(row -> {
				if (!Arrays.equals(row.requestHash(), requestHash)) {
					throw new Conflict(409, "Idempotency-Key", "idempotency_key_reused");
				}
				return row.caseNumber();
			});
	}

	/** Records the key; false when a concurrent retry recorded it first (its case then wins). */
	boolean record(String municipality, String key, byte[] requestHash, String caseNumber) {
		return db.sql("""
				insert into intake_key (tenant_id, idempotency_key, case_number, request_hash) values (?, ?, ?, ?)
				on conflict do nothing
				""").params(municipality, key, caseNumber, requestHash).update() == 1;
	}

	static byte[] hash(String canonicalRequest) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
