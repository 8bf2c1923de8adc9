package org.madoguchi.benefits;

/** What a snapshot found: households (one form each) and persons (each worth the amount per person). */
public record Eligibility(long households, long persons) {
}
