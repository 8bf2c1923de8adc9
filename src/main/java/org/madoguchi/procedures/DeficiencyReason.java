package org.madoguchi.procedures;

/** A reason code a checker gives when marking a field or attachment deficient; the notice prints its name. */
public record DeficiencyReason(String code, LocalizedText name) {
}
