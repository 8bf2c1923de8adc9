package org.madoguchi.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps make them. */
public final class Totp {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	public static final int STEP_SECONDS = 30;

	private Totp() {
	}

	public static byte[] newSecret() {
		var secret = new byte[20];
		new SecureRandom().nextBytes(secret);
		return secret;
	}

	public static long stepAt(Instant at) {
		return at.getEpochSecond() / STEP_SECONDS;
	}

	public static String code(byte[] secret, long step) {
		try {
			var mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
					| (hash[offset + 3] & 0xff);
			return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String code(byte[] secret, Instant at) {
		return code(secret, stepAt(at));
	}

	/**
	 * The step a code belongs to, allowing one step of clock drift either way, or -1. Callers refuse a
	 * step at or before the last one accepted, so an overheard code cannot be replayed.
	 */
	public static long matchingStep(byte[] secret, String code, Instant now) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return -1;
		}
		long current = stepAt(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(), code.strip().getBytes())) {
				return step;
			}
		}
		return -1;
	}

	public static String base32(byte[] bytes) {
		var out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	public static byte[] fromBase32(String text) {
		String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
		var out = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = ALPHABET.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("not base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return out.array();
	}

	/** The otpauth URI an authenticator app reads from the enrolment QR code. */
	public static String uri(String issuer, String account, byte[] secret) {
		var enc = (java.util.function.Function<String, String>) s -> java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + enc.apply(issuer) + ":" + enc.apply(account) + "?secret=" + base32(secret) + "&issuer="
				+ enc.apply(issuer) + "&algorithm=SHA1&digits=6&period=" + STEP_SECONDS;
	}
}
