package org.madoguchi.benefits;

import java.time.LocalDate;
import java.util.List;

import org.madoguchi.japan.ZenginText;
import org.madoguchi.payments.BankAccount;
import org.madoguchi.platform.Problem;

/**
 * One application as it arrived, checked as far as it can be without the register: a mailed form's CSV row
 * or an online form. {@code problems} are deficiencies the resident must correct; the application is kept.
 * {@code accountNumber} and {@code phone} are plain only until the vault seals them.
 */
record Submission(int line, String channel, String intakeKey, ApplicationNumber applicationNumber, LocalDate receivedOn,
		List<String> declined, BankAccount account, String holderKana, ZenginText holder, String phone, String applicantResidentId,
		List<Problem> problems) {

	static final String MAIL = "mail";
	static final String ONLINE = "online";
}
