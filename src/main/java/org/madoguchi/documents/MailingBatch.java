package org.madoguchi.documents;

import java.time.Instant;
import java.util.Optional;

/**
 * A batch of letters of one type on their way to the post office: open while letters join it, closed for
 * print when its manifest goes to the print room, mailed once a person counted the letters and the count
 * matched the manifest.
 */
public record MailingBatch(long id, LetterType type, State state, int letterCount, Instant createdAt, Instant closedAt,
		String closedBy, Instant mailedAt, String mailedBy, Integer counted) {

	public enum State {

		OPEN("open"), CLOSED_FOR_PRINT("closed-for-print"), MAILED("mailed");

		private final String code;

		State(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

		public static Optional<State> parse(String code) {
			for (State state : values()) {
				if (state.code.equals(code)) {
					return Optional.of(state);
				}
			}
			return Optional.empty();
		}
	}
}
