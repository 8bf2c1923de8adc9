package org.madoguchi.privacy.keys;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a random 96-bit nonce, laid out as nonce | ciphertext | tag. Random nonces are safe
 * for far more messages per key than one municipality seals between rotations (the limit is about 2^32).
 * The associated data binds a ciphertext to where it belongs, so bytes copied elsewhere fail to open.
 *
 * <p>An instance keeps one {@link Cipher} for all its calls and so belongs to one thread: looking a cipher
 * up by name cost more than sealing a My Number with it, which a register of 1.5 million numbers felt.
 */
public final class Gcm {

	public static final int NONCE_BYTES = 12;
	public static final int TAG_BYTES = 16;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final Cipher cipher;

	private Gcm() {
		try {
			this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	/** A cipher for many values on one thread. */
	public static Gcm reused() {
		return new Gcm();
	}

	public static byte[] seal(SecretKey key, byte[] associated, byte[] plain) {
		return new Gcm().sealed(key, associated, plain);
	}

	/**
	 * Opens what {@link #seal} produced, starting at {@code offset} of {@code bytes}.
	 *
	 * @throws AEADBadTagException if the key or associated data differ, or a byte was changed
	 */
	public static byte[] open(SecretKey key, byte[] associated, byte[] bytes, int offset) throws AEADBadTagException {
		return new Gcm().opened(key, associated, bytes, offset);
	}

	public byte[] sealed(SecretKey key, byte[] associated, byte[] plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
			cipher.updateAAD(associated);
			byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(plain.length));
			cipher.doFinal(plain, 0, plain.length, sealed, NONCE_BYTES);
			return sealed;
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	/** {@link #open} on this instance's cipher. */
	public byte[] opened(SecretKey key, byte[] associated, byte[] bytes, int offset) throws AEADBadTagException {
		if (bytes.length - offset < NONCE_BYTES + TAG_BYTES) {
			throw new AEADBadTagException("too short to be sealed");
		}
		try {
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, bytes, offset, NONCE_BYTES));
			cipher.updateAAD(associated);
			return cipher.doFinal(bytes, offset + NONCE_BYTES, bytes.length - offset - NONCE_BYTES);
		} catch (AEADBadTagException e) {
			throw e;
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}
}
