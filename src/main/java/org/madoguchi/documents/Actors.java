package org.madoguchi.documents;

import org.madoguchi.platform.Caller;

/** Who to write down as having created, closed or mailed something: the signed-in person, else the system. */
final class Actors {

	private Actors() {
	}

	static String current() {
		return Caller.current().map(Caller::username).orElse("system");
	}
}
