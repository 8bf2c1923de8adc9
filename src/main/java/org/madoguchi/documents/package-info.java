/**
 * Letters to residents and the batches they are mailed in. {@link org.madoguchi.documents.Letters} renders a
 * {@link org.madoguchi.documents.LetterRequest} to a PDF with the bundled IPAex fonts;
 * {@link org.madoguchi.documents.MailingBatches} puts letters into batches of one letter type, numbers them,
 * writes the print vendor's manifest and closes a batch as mailed only when the counted letters match it;
 * {@link org.madoguchi.documents.IssuedLetters} finds a case's letters again. {@code web} holds the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package org.madoguchi.documents;
