package org.madoguchi.payments;

/**
 * What has been paid for a purpose, for reconciliation: batches not cancelled, everything scheduled in them,
 * what came back, and what was paid, which is scheduled minus returned. The figures add up by construction.
 */
public record PurposeTotals(String purpose, int batches, Tally scheduled, Tally returned, Tally paid) {

	/** A number of payments and their sum in yen. */
	public record Tally(long count, long yen) {

		Tally minus(Tally other) {
			return new Tally(count - other.count, yen - other.yen);
		}
	}

	static PurposeTotals of(String purpose, int batches, Tally scheduled, Tally returned) {
		return new PurposeTotals(purpose, batches, scheduled, returned, scheduled.minus(returned));
	}
}
