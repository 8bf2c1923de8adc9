package org.madoguchi.procedures.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.procedures.LocalizedText;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.node.ObjectNode;

/**
 * Procedure definitions over the API. The platform's tenant guard has already checked that the caller works
 * for {code} (404 otherwise) and scoped the request to it; publishing is for administrators.
 */
@RestController
class ProcedureApi {

	/** Definitions are a few kilobytes; a megabyte leaves room and keeps a hostile upload cheap to refuse. */
	static final int MAX_BODY = 1 << 20;
	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

	private final Procedures procedures;

	ProcedureApi(Procedures procedures) {
		this.procedures = procedures;
	}

	record Summary(String id, int version, LocalizedText name) {
		static Summary of(Procedure procedure) {
			return new Summary(procedure.id(), procedure.version(), procedure.name());
		}
	}

	@PutMapping("/api/v1/municipalities/{code}/procedures/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The definition in YAML or JSON, at most 1 MB",
			content = {@Content(mediaType = "application/yaml", schema = @Schema(type = "string")),
					@Content(mediaType = "application/json", schema = @Schema(type = "object"))})
	Summary publish(@PathVariable String code, @PathVariable String id, HttpServletRequest request) throws IOException {
		if (!ID.matcher(id).matches()) {
			throw new InvalidInput("id", "format");
		}
		return Summary.of(procedures.publish(code, id, body(request), request.getContentType()));
	}

	@GetMapping("/api/v1/municipalities/{code}/procedures")
	List<Summary> list(@PathVariable String code) {
		return procedures.all(code).stream().map(Summary::of).toList();
	}

	/** The definition as published, with its {@code version} and the flat {@code fields} list. */
	@GetMapping("/api/v1/municipalities/{code}/procedures/{id}")
	ObjectNode one(@PathVariable String code, @PathVariable String id, @RequestParam(required = false) Integer version) {
		if (!ID.matcher(id).matches()) {
			throw new NotFound("id");
		}
		var procedure = version == null ? procedures.current(code, id) : procedures.version(code, id, version);
		return DefinitionView.of(procedure.orElseThrow(() -> new NotFound(version == null ? "id" : "version")));
	}

	/** Reads at most one byte past the limit, so an oversized upload is refused without being held in memory. */
	private static String body(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			throw new Conflict(413, "body", "too_large", "1 MB");
		}
		byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (bytes.length > MAX_BODY) {
			throw new Conflict(413, "body", "too_large", "1 MB");
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		} catch (CharacterCodingException e) {
			throw new InvalidInput("body", "encoding");
		}
	}
}
