package org.madoguchi.privacy;

/** A value shown in clear to someone allowed and audited. Its text form stays masked for logs. */
public record RevealedValue(long id, PersonalDataKind kind, String value, String masked) {

	@Override
	public String toString() {
		return "RevealedValue[" + id + " " + kind.code() + " " + masked + "]";
	}
}
