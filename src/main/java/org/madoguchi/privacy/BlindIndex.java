package org.madoguchi.privacy;

import java.util.Arrays;

/**
 * A keyed hash of a canonical value: equal values of one municipality and kind give equal indexes, so
 * they can be searched without decrypting. It is not shown in text either, since it links records.
 */
public record BlindIndex(byte[] bytes) {

	public BlindIndex {
		bytes = bytes.clone();
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BlindIndex index && Arrays.equals(bytes, index.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return "BlindIndex[" + bytes.length + " bytes]";
	}
}
