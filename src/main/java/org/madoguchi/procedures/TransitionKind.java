package org.madoguchi.procedures;

/**
 * What a transition means to casework. {@link #DECISION} is the legal act of the city and may only name
 * {@code MUNICIPAL_OFFICIAL}; a definition that gives it to anyone else is refused.
 */
public enum TransitionKind {

	/** The form is keyed; twice by different clerks when the transition says {@code doubleKeying}. */
	KEYING,
	/** A checker confirms the keyed case is complete and consistent. */
	CHECK,
	/** The case goes back to the resident (差し戻し); its target state pauses the SLA. */
	DEFICIENCY,
	/** The resident's correction arrived; the case resumes. */
	CORRECTION,
	DECISION,
	/** A tracked step outside the office or between desks, such as the home survey (認定調査). */
	STEP,
	WITHDRAWAL,
	/** The result leaves the office: handed over at the counter or mailed. */
	HANDOVER;

	public String wire() {
		return Terms.wire(this);
	}
}
