package org.madoguchi.casework.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.madoguchi.casework.CaseImport;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.web.ApiErrorBody;
import org.madoguchi.platform.web.CsvUpload;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Bulk intake of a CSV file; {code} is checked by the platform's tenant guard. Keying staff and their
 * supervisors import (the back office's work); auditors and officials only read. Rejected rows carry the
 * API's error shape, messages in the caller's language, because a row is answered as a request would be.
 */
@RestController
class CaseImportApi {

	private final CaseImport imports;
	private final MessageSource messages;

	CaseImportApi(CaseImport imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	record Report(int accepted, int created, List<CaseImport.Accepted> cases, List<Rejected> rejected) {
	}

	record Rejected(int line, List<ApiErrorBody.Error> errors) {
	}

	@PostMapping("/api/v1/municipalities/{code}/cases:import")
	@PreAuthorize("hasAnyRole('OPERATOR_CLERK','OPERATOR_CHECKER','OPERATOR_SUPERVISOR','ADMIN')")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "CSV in UTF-8 or CP932, a header row of field paths, at most 50 MB",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	Report importCases(@PathVariable String code, @RequestParam String procedure, @RequestParam(required = false) String encoding,
			HttpServletRequest request) throws IOException {
		CsvUpload.requireCsv(request.getContentType());
		var result = imports.run(code, procedure, encoding, body(request));
		Locale locale = LocaleContextHolder.getLocale();
		var rejected = result.rejected().stream()
			.map(r -> new Rejected(r.line(), r.errors().stream().map(p -> ApiErrorBody.Error.of(p, messages, locale)).toList())).toList();
		return new Report(result.accepted(), result.created(), result.cases(), rejected);
	}


	/** Reads one byte past the limit at most, so an oversized upload is refused without being held. */
	private static byte[] body(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > CaseImport.MAX_BODY) {
			throw new Conflict(413, "body", "too_large", "50 MB");
		}
		byte[] bytes = request.getInputStream().readNBytes(CaseImport.MAX_BODY + 1);
		if (bytes.length > CaseImport.MAX_BODY) {
			throw new Conflict(413, "body", "too_large", "50 MB");
		}
		return bytes;
	}
}
