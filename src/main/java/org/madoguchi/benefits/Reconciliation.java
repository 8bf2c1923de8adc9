package org.madoguchi.benefits;

import java.util.List;

/**
 * A programme's figures, counted independently on each side so that adding them up means something: the
 * households from the snapshot against the applications, and the money the payments module paid against the
 * applications that say they were paid. {@code balanced} is true only when every check holds.
 */
public record Reconciliation(String programme, long eligibleHouseholds, long eligiblePersons, Applications applications,
		long duplicatesHeld, long deficienciesOpen, long approved, long paidCount, long paidAmount, long returnedCount,
		long returnedAmount, long declinedPersons, long notApplied, long inCheck, long returnedOpen, boolean balanced,
		List<Check> checks) {

	public record Applications(long mail, long online) {
	}

	/** One equation of the report: what it says, both sides, and whether they agree. */
	public record Check(String name, long left, long right, boolean holds) {

		static Check of(String name, long left, long right) {
			return new Check(name, left, right, left == right);
		}
	}
}
