package org.madoguchi.audit;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * One pass over a chain in sequence order, remembering only the last good link. The first break wins:
 * a gap names the first missing number; an entry whose stored previous hash or own hash does not match
 * names that entry (a swap of two entries breaks the first of them, since the number is hashed too).
 * Counting goes on after a break so that {@code entries} is always the number of stored entries.
 */
final class ChainWalk implements RowCallbackHandler {

	private final String municipality;
	private long expectedSeq = 1;
	private byte[] expectedPrevious = ChainHash.GENESIS;
	private long entries;
	private Long firstBroken;

	ChainWalk(String municipality) {
		this.municipality = municipality;
	}

	@Override
	public void processRow(ResultSet row) throws SQLException {
		entries++;
		if (firstBroken != null) {
			return;
		}
		long seq = row.getLong(1);
		if (seq != expectedSeq) {
			firstBroken = Math.min(seq, expectedSeq);
			return;
		}
		byte[] previous = row.getBytes("prev_hash");
		byte[] hash = row.getBytes("hash");
		var recomputed = ChainHash.of(expectedPrevious, municipality, AuditRows.entry(row));
		if (!MessageDigest.isEqual(previous, expectedPrevious) || !MessageDigest.isEqual(hash, recomputed)) {
			firstBroken = seq;
			return;
		}
		expectedPrevious = hash;
		expectedSeq++;
	}

	/**
	 * Compares the walk with the head, which catches what the entries alone cannot show: removal of the
	 * newest entries (the head is ahead), entries appended behind the writers' back (the head is behind),
	 * and a newest entry replaced together with a recomputed hash (the head's hash differs).
	 */
	ChainCheck against(Head head) {
		long lastGood = expectedSeq - 1;
		if (firstBroken == null) {
			if (head.seq() > lastGood) {
				firstBroken = lastGood + 1;
			} else if (head.seq() < lastGood) {
				firstBroken = head.seq() + 1;
			} else if (!MessageDigest.isEqual(head.hash(), expectedPrevious)) {
				firstBroken = Math.max(1, lastGood);
			}
		}
		return firstBroken == null ? ChainCheck.intact(entries) : ChainCheck.brokenAt(entries, firstBroken);
	}
}
