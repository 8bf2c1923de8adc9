package org.madoguchi.platform.database;

/** Where the app's connections go, and whether that server is the embedded one. */
public record DatabaseConnection(String url, String user, String password, boolean embedded) {

	@Override
	public String toString() {
		return "DatabaseConnection[" + url + " as " + user + (embedded ? ", embedded" : "") + "]";
	}
}
