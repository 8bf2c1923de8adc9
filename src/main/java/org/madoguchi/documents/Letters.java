package org.madoguchi.documents;

import org.springframework.stereotype.Service;

/**
 * Renders letters to PDF: the template of the request's procedure and type, the municipality as sender,
 * the date in the Japanese era (令和元年5月1日), the case number, and the recipient block where the window
 * of a 長形3号 envelope shows it. Stateless and thread-safe; stores nothing (see {@link MailingBatches}).
 */
@Service
public class Letters {

	private final BundledFonts fonts = BundledFonts.shared();
	private final LetterTemplates templates = new LetterTemplates();
	private final Typesetter typesetter = new Typesetter(fonts);

	/** The letter as a PDF without a batch mark: a preview, or a letter handed over in person. */
	public byte[] render(LetterRequest request) {
		return render(request, LetterMark.NONE);
	}

	byte[] render(LetterRequest request, LetterMark mark) {
		String xhtml = templates.html(request, mark);
		return TextLayer.repair(typesetter.pdf(xhtml, request.toString()), xhtml, fonts);
	}
}
