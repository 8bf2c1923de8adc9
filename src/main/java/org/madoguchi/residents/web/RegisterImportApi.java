package org.madoguchi.residents.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.madoguchi.platform.web.ApiErrorBody;
import org.madoguchi.platform.web.CsvUpload;
import org.madoguchi.residents.RegisterImport;
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
 * Import of a register extract; {code} is checked by the platform's tenant guard. The city hands its
 * extract to the operator's supervisor, who loads it (administrators too); clerks, agents and auditors do
 * not, since one file rewrites the whole register. The body is streamed, never held: a city's register is
 * hundreds of megabytes of personal data.
 */
@RestController
class RegisterImportApi {

	private final RegisterImport imports;
	private final MessageSource messages;

	RegisterImportApi(RegisterImport imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	record Report(long extractId, int accepted, int created, int changed, int unchanged, List<Rejected> rejected) {
	}

	record Rejected(int line, List<ApiErrorBody.Error> errors) {
	}

	@PostMapping("/api/v1/municipalities/{code}/register:import")
	@PreAuthorize("hasAnyRole('OPERATOR_SUPERVISOR','ADMIN')")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = """
			CSV in UTF-8 (BOM optional) or CP932 with the header resident_id,household_id,relationship,name,name_kana,\
			birth_date,sex,postal_code,address,registered_on,removed_on,removal_reason,my_number""",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	Report importRegister(@PathVariable String code, @RequestParam(required = false) String encoding,
			@RequestParam(required = false) LocalDate asOf, HttpServletRequest request) throws IOException {
		CsvUpload.requireCsv(request.getContentType());
		var result = imports.run(code, encoding, asOf, request.getInputStream());
		Locale locale = LocaleContextHolder.getLocale();
		var rejected = result.rejected().stream()
			.map(r -> new Rejected(r.line(), r.errors().stream().map(p -> ApiErrorBody.Error.of(p, messages, locale)).toList())).toList();
		return new Report(result.extractId(), result.accepted(), result.created(), result.changed(), result.unchanged(), rejected);
	}

}
