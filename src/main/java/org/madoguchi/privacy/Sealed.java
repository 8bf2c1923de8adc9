package org.madoguchi.privacy;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A value sealed for one municipality and kind, as stored: format | key version | nonce | ciphertext+tag.
 * Only the key version is readable from outside, which is what a re-encryption job needs to know.
 */
public record Sealed(byte[] bytes) {

	static final byte FORMAT = 1;
	static final int HEADER_BYTES = 1 + Integer.BYTES;

	public Sealed {
		bytes = bytes.clone();
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	/** The encryption key version this value was sealed with, or 0 if the bytes are not a seal at all. */
	public int keyVersion() {
		return bytes.length >= HEADER_BYTES && bytes[0] == FORMAT ? ByteBuffer.wrap(bytes, 1, Integer.BYTES).getInt() : 0;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Sealed sealed && Arrays.equals(bytes, sealed.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return "Sealed[key v" + keyVersion() + ", " + bytes.length + " bytes]";
	}
}
