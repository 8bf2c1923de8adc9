package org.madoguchi.privacy.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one secret the operator keeps outside the database. It never encrypts personal data itself: it
 * wraps the per-municipality data keys and derives the key of the platform's own secrets, so changing it
 * means re-wrapping a few rows, not re-encrypting every value.
 */
public final class MasterKey {

	static final int LENGTH = 32;

	private final SecretKey secret;
	private final String id;

	private MasterKey(byte[] bytes) {
		if (bytes.length != LENGTH) {
			throw new IllegalArgumentException("a master key is " + LENGTH + " bytes");
		}
		this.secret = new SecretKeySpec(bytes, "AES");
		this.id = HexFormat.of().formatHex(Arrays.copyOf(sha256(bytes), 8));
	}

	public static MasterKey of(byte[] bytes) {
		return new MasterKey(bytes.clone());
	}

	/**
	 * Reads the base64 form used in MADOGUCHI_MASTER_KEY. The message names the setting but never echoes
	 * the value, which would put the key into a log.
	 */
	public static MasterKey parse(String base64, String setting) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		} catch (IllegalArgumentException e) {
			throw new IllegalStateException(setting + " is not valid base64; generate one with `openssl rand -base64 32`");
		}
		if (bytes.length != LENGTH) {
			throw new IllegalStateException(setting + " must be " + LENGTH + " random bytes in base64, not " + bytes.length
					+ "; generate one with `openssl rand -base64 32`");
		}
		return new MasterKey(bytes);
	}

	/**
	 * Identifies the key without revealing it (first 8 bytes of its SHA-256, hex), so each wrapped data key
	 * records which master key can open it.
	 */
	public String id() {
		return id;
	}

	/** A key for one use, derived as HMAC-SHA256(master, label), so uses never share key material. */
	public SecretKey derive(String label) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getEncoded(), "HmacSHA256"));
			return new SecretKeySpec(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)), "AES");
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}

	SecretKey secret() {
		return secret;
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	@Override
	public String toString() {
		return "MasterKey[" + id + "]";
	}
}
