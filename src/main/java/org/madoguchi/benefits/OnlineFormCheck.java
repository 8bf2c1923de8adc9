package org.madoguchi.benefits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.madoguchi.privacy.PersonalDataKind;

/**
 * The field checks of an online application. Unlike a mailed form, the resident is still at the screen,
 * so whatever is wrong with a field (an unknown branch, a holder name with no Zengin characters) is refused
 * at once with its path (422) instead of becoming a deficiency letter weeks later. What needs the register
 * (who declines, who applies, the period) is left to the settlement, the same as for mailed forms.
 */
final class OnlineFormCheck {

	static final int MAX_FIELD = 200;
	private static final int MAX_DECLINED = 30;
	private static final int MAX_RESIDENT_ID = 64;
	/** PayeeAccountCheck names fields as the vendor's CSV does; the online forms (application, correction) use their own names. */
	static final Map<String, String> FORM_PATHS = Map.of("bank_code", "bankCode", "branch_code", "branchCode", "account_type",
			"accountType", "account_number", "accountNumber", "account_holder_kana", "accountHolderKana");

	/** A form that passed: everything read, nothing yet compared with the register. */
	record Checked(HouseholdIdentity.Asked asked, PayeeAccountCheck.Outcome account, String holderKana, String phone,
			List<String> declined, String idempotencyKey) {
	}

	private OnlineFormCheck() {
	}

	static Checked check(OnlineForm form) {
		var problems = new InvalidInput.Collector();
		var fields = new String[][] { { "municipality", form.municipality() }, { "programmeId", form.programmeId() },
				{ "application", form.application() }, { "birthDate", form.birthDate() }, { "bankCode", form.bankCode() },
				{ "branchCode", form.branchCode() }, { "accountType", form.accountType() }, { "accountNumber", form.accountNumber() },
				{ "accountHolderKana", form.accountHolderKana() }, { "phone", form.phone() } };
		plain(fields, problems);
		problems.throwIfAny(); // nothing else is worth reading in such a form
		if (form.programmeId() != null && !form.programmeId().matches("[a-z0-9][a-z0-9-]{0,62}")) {
			problems.add("programmeId", "format");
		}
		var asked = HouseholdIdentity.Asked.read(form.municipality(), form.application(), form.birthDate(), problems);
		var account = account(form.bankCode(), form.branchCode(), form.accountType(), form.accountNumber(), form.accountHolderKana(),
				problems);
		String phone = null;
		if (form.phone() == null || form.phone().isBlank()) {
			// the only way to reach an online applicant about a deficiency: the form has no address
			problems.add("phone", "required");
		} else {
			try {
				phone = PersonalDataKind.PHONE.normalized(form.phone().strip());
			} catch (InvalidValue e) {
				problems.add("phone", e.code());
			}
		}
		var declined = declined(form.declinedResidentIds(), problems);
		String key = idempotencyKey(form.idempotencyKey(), problems);
		problems.throwIfAny();
		return new Checked(asked, account, form.accountHolderKana().strip(), phone, declined, key);
	}

	private static List<String> declined(List<String> ids, InvalidInput.Collector problems) {
		if (ids.size() > MAX_DECLINED) {
			problems.add("declinedResidentIds", "too_many", MAX_DECLINED);
			return List.of();
		}
		var declined = new ArrayList<String>();
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i) == null ? "" : ids.get(i).strip();
			// '|' separates the ids where the intake stages them
			if (id.isEmpty() || id.length() > MAX_RESIDENT_ID || id.contains("|") || id.chars().anyMatch(Character::isISOControl)) {
				problems.add("declinedResidentIds[" + i + "]", "format");
			} else if (!declined.contains(id)) {
				declined.add(id);
			}
		}
		return declined;
	}

	/** Each named value ({@code {path, value}}) within {@link #MAX_FIELD} and free of control characters. */
	static void plain(String[][] fields, InvalidInput.Collector problems) {
		for (String[] field : fields) {
			if (field[1] != null && field[1].length() > MAX_FIELD) {
				problems.add(field[0], "too_long", MAX_FIELD);
			} else if (field[1] != null && field[1].chars().anyMatch(Character::isISOControl)) {
				problems.add(field[0], "control_characters");
			}
		}
	}

	/** The payee account's checks, their problems named by the form's fields. */
	static PayeeAccountCheck.Outcome account(String bankCode, String branchCode, String accountType, String accountNumber,
			String holderKana, InvalidInput.Collector problems) {
		var accountProblems = new InvalidInput.Collector();
		var account = PayeeAccountCheck.check(bankCode, branchCode, accountType, accountNumber, holderKana, accountProblems);
		for (Problem problem : accountProblems.problems()) {
			problems.add(FORM_PATHS.getOrDefault(problem.path(), problem.path()), problem.code(), problem.arguments());
		}
		return account;
	}

	/** The Idempotency-Key header: required, printable ASCII, within {@link #MAX_FIELD}. */
	static String idempotencyKey(String key, InvalidInput.Collector problems) {
		if (key == null || key.isBlank()) {
			problems.add("Idempotency-Key", "required");
		} else if (key.length() > MAX_FIELD || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			problems.add("Idempotency-Key", "format");
		}
		return key;
	}
}
