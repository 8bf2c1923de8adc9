package org.madoguchi.documents.web;

import org.madoguchi.documents.IssuedLetters;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A letter's PDF for staff signed in on the web (the API serves the same to token holders); every view is audited. */
@Controller
class LetterPages {

	private final IssuedLetters letters;

	LetterPages(IssuedLetters letters) {
		this.letters = letters;
	}

	@GetMapping("/municipalities/{code}/letters/{id}.pdf")
	@PreAuthorize(Views.READERS)
	ResponseEntity<byte[]> pdf(@PathVariable String code, @PathVariable long id) {
		return Views.pdf(id, letters.pdf(code, id));
	}
}
