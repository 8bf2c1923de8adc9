package org.madoguchi.privacy.keys;

import javax.crypto.SecretKey;

/** One municipality's key for one purpose and version, unwrapped. Its text form never shows the key. */
public record DataKey(String municipality, Purpose purpose, int version, SecretKey secret) {

	@Override
	public String toString() {
		return "DataKey[" + municipality + " " + purpose.code() + " v" + version + "]";
	}
}
