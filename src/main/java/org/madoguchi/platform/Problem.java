package org.madoguchi.platform;

/**
 * One thing wrong with a request: where ({@code path}, e.g. {@code data.applicant.myNumber}), a stable
 * machine code ({@code check_digit}), and optional arguments for the localised message. The message
 * itself is looked up as {@code error.<code>} in the caller's language when the response is written.
 */
public record Problem(String path, String code, Object... arguments) {

	public static Problem of(String path, String code, Object... arguments) {
		return new Problem(path, code, arguments);
	}
}
