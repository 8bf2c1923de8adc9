package org.madoguchi.platform;

/** Answered with the given 4xx status (409 conflict, 423 locked …) and one problem. */
public class Conflict extends RuntimeException {

	private final int status;
	private final Problem problem;

	public Conflict(int status, String path, String code, Object... arguments) {
		super(code);
		this.status = status;
		this.problem = Problem.of(path, code, arguments);
	}

	public int status() {
		return status;
	}

	public Problem problem() {
		return problem;
	}
}
