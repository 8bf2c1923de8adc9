package org.madoguchi.benefits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.privacy.PersonalDataKind;

/**
 * A row of the scanning vendor's file. A row that cannot be tied to a household (no valid application
 * number) or to a day (no receipt date) is rejected with its line; anything else wrong with it is a
 * deficiency of the application it becomes.
 */
final class MailedRow {

	static final List<String> HEADER = List.of("application_number", "declined_resident_ids", "bank_code", "branch_code",
			"account_type", "account_number", "account_holder_kana", "phone", "received_on");
	static final int MAX_CELL = 200;
	private static final int MAX_DECLINED = 30;

	private MailedRow() {
	}

	/** The submission, or an {@link InvalidInput} listing why the row was rejected. */
	static Submission read(int line, List<String> cells) {
		var rejection = new InvalidInput.Collector();
		for (int i = 0; i < cells.size(); i++) {
			if (cells.get(i).chars().anyMatch(c -> Character.isISOControl(c))) {
				rejection.add(HEADER.get(i), "control_characters");
			}
		}
		ApplicationNumber number = null;
		try {
			number = ApplicationNumber.parse(cell(cells, 0));
		} catch (InvalidValue e) {
			rejection.add("application_number", cell(cells, 0).isBlank() ? "required" : e.code());
		}
		LocalDate received = null;
		try {
			received = LocalDate.parse(cell(cells, 8).strip());
		} catch (DateTimeParseException e) {
			rejection.add("received_on", cell(cells, 8).isBlank() ? "required" : "date");
		}
		List<String> declined = new ArrayList<>();
		for (String id : cell(cells, 1).split("\\|")) {
			if (!id.isBlank()) {
				declined.add(id.strip());
			}
		}
		if (declined.size() > MAX_DECLINED) {
			rejection.add("declined_resident_ids", "too_many", MAX_DECLINED);
		}
		rejection.throwIfAny();
		var problems = new InvalidInput.Collector();
		var account = PayeeAccountCheck.check(cell(cells, 2), cell(cells, 3), cell(cells, 4), cell(cells, 5), cell(cells, 6), problems);
		String phone = cell(cells, 7).isBlank() ? null : cell(cells, 7).strip();
		if (phone != null) {
			try {
				phone = PersonalDataKind.PHONE.normalized(phone);
			} catch (InvalidValue e) {
				problems.add("phone", e.code());
				phone = null;
			}
		}
		return new Submission(line, Submission.MAIL, "mail:" + number.value() + ":" + fingerprint(cells), number, received,
				List.copyOf(declined), account.account(), cell(cells, 6).strip(), account.holder(), phone, null, problems.problems());
	}

	private static String cell(List<String> cells, int index) {
		return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
	}

	/** The same row sent again is the same application; a different row for the household is a new one. */
	private static String fingerprint(List<String> cells) {
		try {
			var sha = MessageDigest.getInstance("SHA-256");
			for (String cell : cells) {
				sha.update(cell.strip().getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0x1f);
			}
			return HexFormat.of().formatHex(sha.digest(), 0, 16);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
