package org.madoguchi.documents.web;

import java.util.List;

import org.madoguchi.documents.MailingBatch;
import org.madoguchi.documents.MailingBatches;
import org.madoguchi.documents.web.Views.BatchView;
import org.madoguchi.documents.web.Views.LetterView;
import org.madoguchi.platform.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mailing batches over the API: list and inspect them, take the manifest to the print room, close a batch
 * for print and mark it mailed with the count of letters in hand. Closing and mailing are the operator
 * supervisor's; {code} is checked by the platform's tenant guard.
 */
@RestController
@RequestMapping("/api/v1/municipalities/{code}/mailing-batches")
class MailingBatchApi {

	record Count(Integer counted) {
	}

	private final MailingBatches batches;

	MailingBatchApi(MailingBatches batches) {
		this.batches = batches;
	}

	@GetMapping
	@PreAuthorize(Views.READERS)
	List<BatchView> list(@PathVariable String code, @RequestParam(required = false) String state) {
		MailingBatch.State wanted = null;
		if (state != null && !state.isBlank()) {
			wanted = MailingBatch.State.parse(state).orElseThrow(() -> new InvalidInput("state", "unknown_batch_state"));
		}
		return batches.list(code, wanted).stream().map(BatchView::of).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize(Views.READERS)
	BatchView one(@PathVariable String code, @PathVariable long id) {
		return BatchView.of(batches.find(code, id));
	}

	@GetMapping("/{id}/letters")
	@PreAuthorize(Views.READERS)
	List<LetterView> letters(@PathVariable String code, @PathVariable long id) {
		return batches.letters(code, id).stream().map(LetterView::of).toList();
	}

	/** CP932 with CRLF, as municipal print vendors take it; only once the batch is closed. */
	@GetMapping("/{id}/manifest.csv")
	@PreAuthorize(Views.READERS)
	ResponseEntity<byte[]> manifest(@PathVariable String code, @PathVariable long id) {
		byte[] csv = batches.manifest(code, id);
		return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=Windows-31J")
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mailing-batch-" + id + ".csv\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(csv);
	}

	@PostMapping("/{id}/close")
	@PreAuthorize(Views.SUPERVISOR)
	BatchView close(@PathVariable String code, @PathVariable long id) {
		return BatchView.of(batches.close(code, id));
	}

	/** 409 {@code count_mismatch} unless {@code counted} equals the manifest; the batch then stays unmailed. */
	@PostMapping("/{id}/mailed")
	@PreAuthorize(Views.SUPERVISOR)
	BatchView mailed(@PathVariable String code, @PathVariable long id, @RequestBody(required = false) Count body) {
		return BatchView.of(batches.markMailed(code, id, body == null ? null : body.counted()));
	}
}
