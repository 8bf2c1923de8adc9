package org.madoguchi.payments;

import java.time.LocalDate;

/**
 * A payment batch as its owner sees it: what its file's trailer states ({@code count}, {@code total} in yen),
 * how many orders were left out because their reference was already being paid ({@code skipped}), its state,
 * and whether its transfer file has been written (and so has a recorded hash).
 */
public record BatchSummary(long id, String purpose, LocalDate transferDate, int count, long total, int skipped,
		BatchState state, boolean fileGenerated) {
}
