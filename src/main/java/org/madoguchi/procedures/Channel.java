package org.madoguchi.procedures;

/** How an application may arrive; a definition lists the channels the procedure accepts. */
public enum Channel {

	COUNTER, MAIL, ONLINE, API, CSV;

	public String wire() {
		return Terms.wire(this);
	}
}
