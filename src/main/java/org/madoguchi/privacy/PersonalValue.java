package org.madoguchi.privacy;

/** What other modules keep and show: the vault's reference and the mask, never the value. */
public record PersonalValue(long id, PersonalDataKind kind, String masked) {
}
