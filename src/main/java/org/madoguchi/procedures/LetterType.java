package org.madoguchi.procedures;

/** Kinds of letter; mailing batches hold one kind only, so that no letter goes into the wrong envelope. */
public enum LetterType {

	ACKNOWLEDGEMENT, DEFICIENCY_NOTICE, DEFERRAL_NOTICE, DECISION_NOTICE, CERTIFICATE, REMINDER;

	public String wire() {
		return Terms.wire(this);
	}
}
