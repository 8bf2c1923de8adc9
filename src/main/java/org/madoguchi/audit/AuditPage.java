package org.madoguchi.audit;

import java.util.List;

/** One page of a listing, newest first, with the number of entries matching the filter on all pages. */
public record AuditPage(long total, List<AuditEntry> items) {

	public AuditPage {
		items = List.copyOf(items);
	}
}
