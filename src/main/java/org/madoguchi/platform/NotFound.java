package org.madoguchi.platform;

/**
 * Answered 404. Also what a caller hears for a municipality or record it may not see, so that another
 * city's data cannot even be shown to exist.
 */
public class NotFound extends RuntimeException {

	private final String path;

	public NotFound(String path) {
		super("not found: " + path);
		this.path = path;
	}

	public String path() {
		return path;
	}
}
