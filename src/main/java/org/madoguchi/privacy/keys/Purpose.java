package org.madoguchi.privacy.keys;

/**
 * What a data key is for. Encryption keys can be rotated; the index key cannot, because every blind
 * index already stored was computed with it and exact-match search must keep finding them.
 */
public enum Purpose {

	ENCRYPTION("encryption"), INDEX("index");

	private final String code;

	Purpose(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	static Purpose of(String code) {
		for (Purpose purpose : values()) {
			if (purpose.code.equals(code)) {
				return purpose;
			}
		}
		throw new IllegalArgumentException("unknown key purpose: " + code);
	}
}
