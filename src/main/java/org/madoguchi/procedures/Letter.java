package org.madoguchi.procedures;

/** A letter the procedure sends; transitions and the SLA's deferral refer to it by {@code id}. */
public record Letter(String id, LetterType type, LocalizedText name) {
}
