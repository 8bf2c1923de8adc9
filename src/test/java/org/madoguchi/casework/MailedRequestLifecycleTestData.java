package org.madoguchi.casework;

import java.util.Map;

/** A correctly filled mailed request for a resident certificate, for tests in other packages. */
public final class MailedRequestLifecycleTestData {

	private MailedRequestLifecycleTestData() {
	}

	public static Map<String, Object> form() {
		return form(1);
	}

	public static Map<String, Object> form(int copies) {
		return MailedRequestLifecycleTest.form(copies);
	}
}
