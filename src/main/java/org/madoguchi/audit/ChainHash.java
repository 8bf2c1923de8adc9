package org.madoguchi.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The link of an entry to its predecessor: SHA-256 over the previous hash and the entry's canonical bytes.
 *
 * <p>Every field is length-prefixed (null as length -1), so no two different entries share an encoding:
 * moving text from one field to the next, or from "" to null, changes the hash. The municipality and the
 * sequence number are covered too, so an entry cannot be moved to another chain or position. The format
 * name comes first so that a later encoding can be told apart from this one.
 */
final class ChainHash {

	/** The "previous hash" of every chain's first entry. */
	static final byte[] GENESIS = new byte[32];

	private static final String FORMAT = "madoguchi-audit-v1";
	private static final int NULL = -1;

	private ChainHash() {
	}

	static byte[] of(byte[] previous, String municipality, AuditEntry entry) {
		var sha = sha256();
		sha.update(previous);
		text(sha, FORMAT);
		text(sha, municipality);
		number(sha, entry.id());
		number(sha, micros(entry.at()));
		text(sha, entry.actor());
		text(sha, entry.action());
		text(sha, entry.subjectType());
		text(sha, entry.subjectId());
		text(sha, entry.reason());
		Map<String, String> details = new TreeMap<>(entry.details());
		count(sha, details.size());
		details.forEach((key, value) -> {
			text(sha, key);
			text(sha, value);
		});
		return sha.digest();
	}

	/** PostgreSQL keeps microseconds; hashing finer time would make every stored entry fail verification. */
	static long micros(Instant at) {
		return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
	}

	private static void text(MessageDigest sha, String text) {
		if (text == null) {
			count(sha, NULL);
			return;
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		count(sha, bytes.length);
		sha.update(bytes);
	}

	private static void count(MessageDigest sha, int value) {
		sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
	}

	private static void number(MessageDigest sha, long value) {
		sha.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
