package org.madoguchi.procedures;

/** The kinds of form field; case data carries each in the JSON shape the README states. */
public enum FieldType {

	TEXT, KANA, DATE, ERA_DATE, MY_NUMBER, CORPORATE_NUMBER, POSTAL_CODE, PHONE, BANK_ACCOUNT, AMOUNT, CHOICE, BOOLEAN,
	GROUP;

	/** As written in definitions and in the API's field list, e.g. {@code era-date}. */
	public String wire() {
		return Terms.wire(this);
	}

	public boolean isDate() {
		return this == DATE || this == ERA_DATE;
	}
}
