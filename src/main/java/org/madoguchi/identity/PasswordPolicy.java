package org.madoguchi.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Length over composition rules (NIST SP 800-63B): at least 12 characters, not a well-known password,
 * not the username. Answers the problem's code, or nothing when the password is acceptable.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;
	private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiop12", "passwordpassword",
			"111111111111", "abcdefghijkl", "iloveyou1234", "administrator", "madoguchi123", "madoguchi1234",
			"password123!", "qwerty123456", "1q2w3e4r5t6y", "letmein12345", "welcome12345", "changeme1234");

	private PasswordPolicy() {
	}

	static Optional<String> problem(String username, String password) {
		if (password == null || password.isEmpty()) {
			return Optional.of("required");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("password_too_short");
		}
		if (password.length() > 128) {
			return Optional.of("too_long");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
			return Optional.of("password_too_common");
		}
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("password_contains_username");
		}
		return Optional.empty();
	}
}
