package org.madoguchi.documents;

import java.util.Optional;

/**
 * The kinds of letter a procedure sends. Each kind is mailed in batches of its own (the Osaka lesson: the
 * team enclosing deficiency notices never holds a decision notice), and each has a default template.
 */
public enum LetterType {

	ACKNOWLEDGEMENT("acknowledgement", "受付のお知らせ"),
	DEFICIENCY_NOTICE("deficiency-notice", "不備のお知らせ"),
	DEFERRAL_NOTICE("deferral-notice", "処分延期通知"),
	DECISION_NOTICE("decision-notice", "決定通知書"),
	/** The cover letter mailed with issued certificates (住民票の写し), listing what the envelope holds. */
	CERTIFICATE("certificate", "証明書送付のご案内"),
	/** A second notice for what the resident has not done yet (再通知): a deficiency uncorrected, an appointment. */
	REMINDER("reminder", "再通知");

	private final String code;
	private final String title;

	LetterType(String code, String title) {
		this.code = code;
		this.title = title;
	}

	/** The name in the API, the database and the template file, e.g. {@code deficiency-notice}. */
	public String code() {
		return code;
	}

	/** The Japanese name printed in the manifest for the print vendor. */
	public String title() {
		return title;
	}

	public static Optional<LetterType> parse(String code) {
		for (LetterType type : values()) {
			if (type.code.equals(code)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}
}
