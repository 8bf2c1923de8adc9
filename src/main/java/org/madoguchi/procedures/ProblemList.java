package org.madoguchi.procedures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.madoguchi.platform.Problem;

/**
 * Problems found in case data, capped: a 100,000-item upload that is wrong everywhere gets the first
 * {@value #MAX} problems, not a response larger than the upload.
 */
final class ProblemList {

	static final int MAX = 200;
	private static final int MAX_NAME = 64;

	private final List<Problem> problems = new ArrayList<>();
	private final Set<String> paths = new HashSet<>();

	void add(String path, String code, Object... arguments) {
		if (problems.size() < MAX) {
			problems.add(Problem.of(path, code, arguments));
		}
		paths.add(path);
	}

	boolean has(String path) {
		return paths.contains(path);
	}

	List<Problem> list() {
		return problems;
	}

	/** A path naming a key the caller sent; a key can be any length, and the path is echoed in the response. */
	static String child(String path, String name) {
		return path + "." + (name.length() > MAX_NAME ? name.substring(0, MAX_NAME) + "…" : name);
	}
}
