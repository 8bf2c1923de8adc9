package org.madoguchi.benefits;

import java.time.LocalDate;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.ZenginText;
import org.madoguchi.payments.AccountType;
import org.madoguchi.payments.BankDirectory;
import org.madoguchi.payments.Payer;
import org.madoguchi.platform.InvalidInput;

/** Checks a programme definition field by field, naming every problem at once. */
final class ProgrammeCheck {

	static final long MAX_AMOUNT_PER_PERSON = 10_000_000L;
	private static final int MAX_NAME = 200;
	/** The Zengin header's requester name field. */
	private static final int PAYER_NAME_BYTES = 40;

	private ProgrammeCheck() {
	}

	record Checked(String id, String name, LocalDate referenceDate, long amountPerPerson, LocalDate applicationStart,
			LocalDate applicationEnd, boolean manualCheck, Payer payer) {
	}

	static Checked check(NewProgramme given) {
		var problems = new InvalidInput.Collector();
		if (given == null) {
			throw new InvalidInput("body", "required");
		}
		if (given.id() == null || given.id().isBlank()) {
			problems.add("id", "required");
		} else if (!given.id().matches("[a-z0-9][a-z0-9-]{0,62}")) {
			problems.add("id", "format");
		}
		if (given.name() == null || given.name().isBlank()) {
			problems.add("name", "required");
		} else if (given.name().length() > MAX_NAME) {
			problems.add("name", "too_long", MAX_NAME);
		} else if (given.name().chars().anyMatch(Character::isISOControl)) {
			problems.add("name", "control_characters");
		}
		required(problems, "referenceDate", given.referenceDate());
		required(problems, "applicationStart", given.applicationStart());
		required(problems, "applicationEnd", given.applicationEnd());
		if (given.applicationStart() != null && given.applicationEnd() != null
				&& given.applicationEnd().isBefore(given.applicationStart())) {
			problems.add("applicationEnd", "before_start");
		}
		if (given.amountPerPerson() == null) {
			problems.add("amountPerPerson", "required");
		} else if (given.amountPerPerson() < 1 || given.amountPerPerson() > MAX_AMOUNT_PER_PERSON) {
			problems.add("amountPerPerson", "out_of_range");
		}
		Payer payer = payer(given.payer(), problems);
		problems.throwIfAny();
		return new Checked(given.id(), given.name(), given.referenceDate(), given.amountPerPerson(), given.applicationStart(),
				given.applicationEnd(), Boolean.TRUE.equals(given.manualCheck()), payer);
	}

	private static Payer payer(NewProgramme.PayerAccount given, InvalidInput.Collector problems) {
		if (given == null) {
			problems.add("payer", "required");
			return null;
		}
		boolean fine = true;
		if (given.requesterCode() == null || !given.requesterCode().matches("[0-9]{10}")) {
			problems.add("payer.requesterCode", "format");
			fine = false;
		}
		ZenginText name = null;
		try {
			name = ZenginText.of(given.name());
			if (name.length() > PAYER_NAME_BYTES) {
				problems.add("payer.name", "too_long", PAYER_NAME_BYTES);
				fine = false;
			}
		} catch (InvalidValue | NullPointerException e) {
			problems.add("payer.name", given.name() == null ? "required" : "not_zengin");
			fine = false;
		}
		AccountType type = null;
		if (!"1".equals(given.accountType()) && !"2".equals(given.accountType())) {
			problems.add("payer.accountType", "out_of_range");
			fine = false;
		} else {
			type = AccountType.ofCode(given.accountType());
		}
		if (given.accountNumber() == null || !given.accountNumber().matches("[0-9]{1,7}")) {
			problems.add("payer.accountNumber", "format");
			fine = false;
		}
		if (given.bankCode() == null || !given.bankCode().matches("[0-9]{4}")) {
			problems.add("payer.bankCode", "format");
			return null;
		}
		if (given.branchCode() == null || !given.branchCode().matches("[0-9]{3}")) {
			problems.add("payer.branchCode", "format");
			return null;
		}
		var banks = BankDirectory.shipped();
		if (banks.bank(given.bankCode()).isEmpty()) {
			problems.add("payer.bankCode", BankDirectory.UNKNOWN_BANK);
			return null;
		}
		if (banks.branch(given.bankCode(), given.branchCode()).isEmpty()) {
			problems.add("payer.branchCode", BankDirectory.UNKNOWN_BRANCH);
			return null;
		}
		return fine ? new Payer(given.requesterCode(), name, banks.account(given.bankCode(), given.branchCode(), type,
				given.accountNumber())) : null;
	}

	private static void required(InvalidInput.Collector problems, String path, Object value) {
		if (value == null) {
			problems.add(path, "required");
		}
	}
}
