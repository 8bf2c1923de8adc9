package org.madoguchi.documents;

import java.util.List;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters a municipality has issued, found again by id or case: what the case view lists, and the PDF
 * exactly as it was sent. Callers run inside the municipality's tenant scope.
 */
@Service
public class IssuedLetters {

	private final LetterRows rows;
	private final Letters letters;
	private final AuditTrail audit;

	IssuedLetters(LetterRows rows, Letters letters, AuditTrail audit) {
		this.rows = rows;
		this.letters = letters;
		this.audit = audit;
	}

	/** Keeps a letter handed over in person (at the counter), which joins no mailing batch. */
	@Transactional
	public IssuedLetter handOver(LetterRequest request) {
		String city = request.municipalityCode();
		long id = rows.insert(request, null, null, null, letters.render(request), Actors.current());
		audit.record(AuditEvent.of(city, "letter.handed-over", "letter", Long.toString(id))
			.with("letterType", request.type().code()).with("procedure", request.procedureId())
			.with("caseNumber", request.caseNumber()));
		return find(city, id);
	}

	@Transactional(readOnly = true)
	public IssuedLetter find(String municipality, long id) {
		return rows.letter(municipality, id).orElseThrow(() -> new NotFound("id"));
	}

	@Transactional(readOnly = true)
	public List<IssuedLetter> ofCase(String municipality, String caseNumber) {
		return rows.lettersOfCase(municipality, caseNumber);
	}

	/** The PDF as sent. It shows a resident's name and address, so each reading is audited. */
	@Transactional
	public byte[] pdf(String municipality, long id) {
		byte[] pdf = rows.pdf(municipality, id).orElseThrow(() -> new NotFound("id"));
		audit.record(AuditEvent.of(municipality, "letter.viewed", "letter", Long.toString(id)));
		return pdf;
	}
}
