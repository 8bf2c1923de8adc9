package org.madoguchi.documents;

/**
 * Where a letter sits in its mailing batch, printed at the foot of every page (発送便 12 ・ No. 000123) so
 * that the people enclosing letters can check the order against the manifest. A letter handed over in
 * person, or a preview, carries none.
 */
record LetterMark(long batchId, int sequence) {

	static final LetterMark NONE = new LetterMark(0, 0);

	public boolean present() {
		return sequence > 0;
	}

	public String number() {
		return "No. " + String.format("%06d", sequence);
	}
}
