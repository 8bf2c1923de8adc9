package org.madoguchi.payments;

/** Where a payment batch stands: its file can go to the bank while prepared, and it can be cancelled until then. */
public enum BatchState {

	PREPARED("prepared"),
	SENT("sent"),
	CANCELLED("cancelled");

	private final String code;

	BatchState(String code) {
		this.code = code;
	}

	/** As stored and as the API writes it. */
	public String code() {
		return code;
	}

	static BatchState ofCode(String code) {
		for (BatchState state : values()) {
			if (state.code.equals(code)) {
				return state;
			}
		}
		throw new IllegalStateException("unknown payment batch state " + code);
	}
}
