package org.madoguchi.documents.web;

import java.net.URI;
import java.util.List;

import org.madoguchi.documents.IssuedLetters;
import org.madoguchi.documents.MailingBatches;
import org.madoguchi.documents.web.Views.LetterView;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.tenancy.Municipalities;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Letters over the API; {code} is checked by the platform's tenant guard. Casework adds letters through
 * {@link MailingBatches} in Java; this endpoint is for integrations and tests, with an idempotency key so a
 * retried request never puts a second letter in an envelope.
 */
@RestController
@RequestMapping("/api/v1/municipalities/{code}/letters")
class LetterApi {

	private final MailingBatches batches;
	private final IssuedLetters letters;
	private final Municipalities municipalities;

	LetterApi(MailingBatches batches, IssuedLetters letters, Municipalities municipalities) {
		this.batches = batches;
		this.letters = letters;
		this.municipalities = municipalities;
	}

	/** Renders the letter and adds it to the open mailing batch of its type: 201, or 200 for a repeated key. */
	@PostMapping
	@PreAuthorize(Views.WRITERS)
	ResponseEntity<LetterView> add(@PathVariable String code, @RequestBody NewLetter body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new InvalidInput("Idempotency-Key", "format");
		}
		String name = municipalities.find(code).orElseThrow(() -> new NotFound("code")).name();
		var added = batches.addOnce(body.toRequest(code, name), idempotencyKey);
		var view = LetterView.of(added.letter());
		return added.isNew()
				? ResponseEntity.created(URI.create("/api/v1/municipalities/" + code + "/letters/" + view.id())).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping
	@PreAuthorize(Views.READERS)
	List<LetterView> ofCase(@PathVariable String code, @RequestParam String caseNumber) {
		return letters.ofCase(code, caseNumber).stream().map(LetterView::of).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize(Views.READERS)
	LetterView one(@PathVariable String code, @PathVariable long id) {
		return LetterView.of(letters.find(code, id));
	}

	/** The PDF exactly as mailed; reading it is audited, since it shows the resident's name and address. */
	@GetMapping("/{id}.pdf")
	@PreAuthorize(Views.READERS)
	ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable long id) {
		return Views.pdf(id, letters.pdf(code, id));
	}
}
