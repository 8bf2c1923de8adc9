package org.madoguchi.japan;

/** A value that breaks the rules of its type; {@link #code()} is stable for machines (e.g. {@code check_digit}). */
public class InvalidValue extends IllegalArgumentException {

	private final String code;

	public InvalidValue(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
