package org.madoguchi.payments;

import java.util.List;

/**
 * What a bank result file did: its data rows, the payments it returned, and the rows it could not apply,
 * each with its line in the file (the header is line 1) and every problem found on it, in the API's error
 * shape with the message in the caller's language. {@code alreadyImported} says the same file came before;
 * then nothing was changed and {@code returned} is 0.
 */
public record ResultImport(int rows, int returned, boolean alreadyImported, List<Rejected> rejected) {

	public record Rejected(int line, List<Error> errors) {
	}

	public record Error(String path, String code, String message) {
	}
}
