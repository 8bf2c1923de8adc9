package org.madoguchi.procedures;

/** A document that comes with the application (a copy of the insurance card, a return envelope …). */
public record Attachment(String id, LocalizedText name, boolean required) {
}
