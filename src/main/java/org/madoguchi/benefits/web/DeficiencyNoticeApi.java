package org.madoguchi.benefits.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.DeficiencyNotices;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Batches of deficiency notices and the print vendor's file of each ({@link NoticeCsv}); {code} is checked by
 * the platform's tenant guard, roles by {@link DeficiencyNotices}.
 */
@RestController
class DeficiencyNoticeApi {

	private static final String BASE = "/api/v1/municipalities/{code}/benefit-programmes/{id}/deficiency-notices";

	private final DeficiencyNotices notices;
	private final MessageSource messages;

	DeficiencyNoticeApi(DeficiencyNotices notices, MessageSource messages) {
		this.notices = notices;
		this.messages = messages;
	}

	@PostMapping(BASE)
	ResponseEntity<DeficiencyNotices.Batch> issue(@PathVariable String code, @PathVariable String id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(notices.issue(code, id));
	}

	@GetMapping(BASE)
	List<DeficiencyNotices.Batch> batches(@PathVariable String code, @PathVariable String id) {
		return notices.batches(code, id);
	}

	@GetMapping(BASE + "/{batchId}/notices.csv")
	void file(@PathVariable String code, @PathVariable String id, @PathVariable long batchId, HttpServletResponse response)
			throws IOException {
		NoticeCsv.answer(notices, messages, code, id, batchId, response);
	}
}
