package org.madoguchi.privacy.keys;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

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
 * up by name cost more than sealing a My Number with it, which a register of 1.5 million numbers felt. For
 * the same reason it draws its nonces in blocks, from the JDK's NIST SP 800-90A generator (Hash_DRBG): asked
 * for 12 bytes at a time, the platform's default generator cost a quarter of the sealing.
 */
public final class Gcm {

	public static final int NONCE_BYTES = 12;
	public static final int TAG_BYTES = 16;
	/** Blocks double from one nonce up to this many, so that a single seal does not draw a bulk load's block. */
	private static final int MAX_BLOCK = 256;
	private static final SecureRandom RANDOM = drbg();

	private final Cipher cipher;
	private byte[] nonces = new byte[0];
	private int nextNonce;
	private int block = 1;

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
		byte[] sealed = new byte[NONCE_BYTES + plain.length + TAG_BYTES];
		nonce(sealed);
		try {
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, 0, NONCE_BYTES));
			cipher.updateAAD(associated);
			cipher.doFinal(plain, 0, plain.length, sealed, NONCE_BYTES);
			return sealed;
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	/** The next random nonce, written to the start of {@code into}. Nonces are public (each sealed value starts with its own). */
	private void nonce(byte[] into) {
		if (nextNonce == nonces.length) {
			nonces = new byte[NONCE_BYTES * block];
			RANDOM.nextBytes(nonces);
			nextNonce = 0;
			block = Math.min(block * 2, MAX_BLOCK);
		}
		System.arraycopy(nonces, nextNonce, into, 0, NONCE_BYTES);
		nextNonce += NONCE_BYTES;
	}

	private static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime since 9 has DRBG", e);
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
