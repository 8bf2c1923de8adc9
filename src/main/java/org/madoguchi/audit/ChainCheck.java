package org.madoguchi.audit;

/**
 * The outcome of verifying a municipality's chain: how many entries it holds and, if it is broken, the
 * first entry that was altered, reordered or is missing (for removed entries, the first missing number).
 */
public record ChainCheck(boolean valid, long entries, Long firstBrokenEntry) {

	static ChainCheck intact(long entries) {
		return new ChainCheck(true, entries, null);
	}

	static ChainCheck brokenAt(long entries, long firstBrokenEntry) {
		return new ChainCheck(false, entries, firstBrokenEntry);
	}
}
