package org.madoguchi.platform;

import java.util.ArrayList;
import java.util.List;

/** Input that cannot be accepted: answered 422 with every problem listed, and nothing written. */
public class InvalidInput extends RuntimeException {

	private final List<Problem> problems;

	public InvalidInput(List<Problem> problems) {
		super(problems.stream().map(p -> p.path() + ":" + p.code()).toList().toString());
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("an invalid input needs at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	public InvalidInput(String path, String code, Object... arguments) {
		this(List.of(Problem.of(path, code, arguments)));
	}

	public List<Problem> problems() {
		return problems;
	}

	/** Collects problems while checking a whole request, so the caller hears of all of them at once. */
	public static final class Collector {

		private final List<Problem> problems = new ArrayList<>();

		public Collector add(String path, String code, Object... arguments) {
			problems.add(Problem.of(path, code, arguments));
			return this;
		}

		public boolean isEmpty() {
			return problems.isEmpty();
		}

		/** The problems so far, for callers that keep them (deficiencies) instead of refusing the input. */
		public List<Problem> problems() {
			return List.copyOf(problems);
		}

		public void throwIfAny() {
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
		}
	}
}
