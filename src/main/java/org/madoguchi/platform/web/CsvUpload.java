package org.madoguchi.platform.web;

import java.util.List;

import org.madoguchi.platform.Conflict;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** What a CSV upload may be sent as. Shared by the bulk imports so that they refuse the same things. */
public final class CsvUpload {

	private static final List<MediaType> CSV = List.of(MediaType.valueOf("text/csv"), MediaType.TEXT_PLAIN,
			MediaType.valueOf("application/csv"), MediaType.APPLICATION_OCTET_STREAM);

	private CsvUpload() {
	}

	/**
	 * Checked by the controller rather than by {@code consumes}, so that the tenant guard answers for another
	 * city first. A form type is refused in particular: the servlet container reads such a body as parameters
	 * (curl's default).
	 */
	public static void requireCsv(String contentType) {
		try {
			if (contentType == null || CSV.stream().anyMatch(MediaType.parseMediaType(contentType)::equalsTypeAndSubtype)) {
				return;
			}
		} catch (InvalidMediaTypeException e) {
			// answered below like any other type that is not CSV
		}
		throw new Conflict(415, "Content-Type", "unsupported_media_type");
	}
}
