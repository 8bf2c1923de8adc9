package org.madoguchi.benefits.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.ApplicationNumber;
import org.madoguchi.benefits.ApplicationRecords;
import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.WarekiDate;
import org.madoguchi.payments.BankDirectory;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Problem;
import org.madoguchi.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/**
 * What the benefit screens share: who may do what (the same roles as the API and the services), and money,
 * dates, statuses and deficiencies written for a person in the page's language.
 */
final class BenefitViews {

	/** May see a household's members and its applications (audited): the back office and the city's officials. */
	static final Role[] CASE_READERS = { Role.OPERATOR_CLERK, Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR, Role.MUNICIPAL_OFFICIAL };
	/** As the duplicates API. */
	static final Role[] DUPLICATE_READERS = { Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR, Role.MUNICIPAL_OFFICIAL, Role.AUDITOR };
	/** As SuspectedDuplicates.decide and Corrections.confirmChecked. */
	static final Role[] CHECKERS = { Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR };
	/** As the account-correction API. */
	static final Role[] ACCOUNT_KEYERS = { Role.OPERATOR_CLERK, Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR };
	/** As BenefitPayments.writeZengin. */
	static final Role[] ZENGIN_READERS = { Role.OPERATOR_SUPERVISOR, Role.MUNICIPAL_OFFICIAL };
	static final int MAX_REASON = 500;

	private BenefitViews() {
	}

	static boolean may(Role... roles) {
		return Caller.current().map(c -> c.hasAnyRole(roles)).orElse(false);
	}

	/** The page saying this person's role does not allow it, answered 403; nothing was done. */
	static String forbidden(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("forbidden", true);
		return "benefits/forbidden";
	}

	static String base(String code, String programmeId) {
		return "/municipalities/" + code + "/benefits/" + programmeId;
	}

	/** 30,000円 on Japanese pages, ¥30,000 on English ones. */
	static String yen(long amount, Locale locale) {
		String digits = NumberFormat.getIntegerInstance(Locale.JAPAN).format(amount);
		return "ja".equals(locale.getLanguage()) ? digits + "円" : "¥" + digits;
	}

	static String count(long count) {
		return NumberFormat.getIntegerInstance(Locale.JAPAN).format(count);
	}

	/** Dates in Japanese pages are read in the era calendar, as on the case screens; English pages keep ISO. */
	static String date(LocalDate date, Locale locale) {
		if (date == null) {
			return "";
		}
		return "ja".equals(locale.getLanguage()) ? WarekiDate.format(date) + "（" + date + "）" : date.toString();
	}

	static String status(MessageSource messages, String status, Locale locale) {
		return messages.getMessage("benefits.status." + status, null, status, locale);
	}

	static String channel(MessageSource messages, String channel, Locale locale) {
		return messages.getMessage("benefits.channel." + channel, null, channel, locale);
	}

	/** A stored deficiency in plain words: a sentence of its own where there is one, else the field and the error. */
	static String problem(MessageSource messages, ApplicationRecords.Problem problem, Locale locale) {
		String own = messages.getMessage("benefits.problem." + problem.path() + "." + problem.code(), null, null, locale);
		if (own != null) {
			return own;
		}
		String field = messages.getMessage("benefits.field." + problem.path(), null, problem.path(), locale);
		return field + colon(locale) + messages.getMessage("error." + problem.code(), null, problem.code(), locale);
	}

	/** A refusal from a service (its path and code) in the page's language. */
	static String refusal(MessageSource messages, Problem problem, Locale locale) {
		String text = messages.getMessage("error." + problem.code(), problem.arguments(), problem.code(), locale);
		String field = messages.getMessage("benefits.field." + problem.path(), null, "", locale);
		return field.isEmpty() ? text : field + colon(locale) + text;
	}

	private static String colon(Locale locale) {
		return "ja".equals(locale.getLanguage()) ? "：" : ": ";
	}

	static List<String> problems(MessageSource messages, ApplicationRecords.Application application, Locale locale) {
		return application.problems().stream().map(p -> problem(messages, p, locale)).toList();
	}

	/** "三菱ＵＦＪ銀行 本店（0005-001）普通 ****567" from the stored codes; the number only as masked. */
	static String account(MessageSource messages, ApplicationRecords.Application a, Locale locale) {
		if (a.bankCode() == null || a.accountMasked() == null) {
			return messages.getMessage("benefits.account.none", null, locale);
		}
		var banks = BankDirectory.shipped();
		String bank = banks.bank(a.bankCode()).map(b -> b.name()).orElse(a.bankCode());
		String branch = banks.branch(a.bankCode(), a.branchCode()).map(b -> b.name()).orElse(a.branchCode());
		String type = messages.getMessage("benefits.account-type." + a.accountType(), null, a.accountType(), locale);
		return bank + " " + branch + "（" + a.bankCode() + "-" + a.branchCode() + "） " + type + " " + a.accountMasked();
	}

	/** The number in the address, as typed or printed; a malformed one is simply not found. */
	static ApplicationNumber number(String typed) {
		try {
			return ApplicationNumber.parse(typed);
		} catch (InvalidValue e) {
			throw new NotFound("applicationNumber");
		}
	}

	/** A reason typed by a person: trimmed, bounded, without control characters. */
	static String reason(String typed) {
		String reason = typed == null ? "" : typed.strip();
		if (reason.isEmpty()) {
			return null;
		}
		if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
			throw new org.madoguchi.platform.InvalidInput("reason", "too_long", MAX_REASON);
		}
		return reason.replaceAll("\\p{Cntrl}", " ");
	}
}
