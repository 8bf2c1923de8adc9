package org.madoguchi.japan;

/**
 * A value that breaks the rules of its type.
 *
 * <p>The code is stable so the web layer can map it to a field error without parsing prose. Messages
 * never echo the rejected input, because that input may be a My Number which must not reach a log.
 */
public class InvalidValue extends IllegalArgumentException {

	public static final String REQUIRED = "required";
	public static final String FORMAT = "format";
	public static final String CHECK_DIGIT = "check_digit";
	public static final String OUT_OF_RANGE = "out_of_range";
	public static final String INVALID_DATE = "invalid_date";
	public static final String NOT_KANA = "not_kana";
	public static final String NOT_ZENGIN = "not_zengin";

	private static final long serialVersionUID = 1L;

	private final String code;

	public InvalidValue(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}

	static String required(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new InvalidValue(REQUIRED, what + " is required");
		}
		return value;
	}
}
