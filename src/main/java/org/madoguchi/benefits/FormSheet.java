package org.madoguchi.benefits;

import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.List;

import org.madoguchi.documents.PrintedPages;
import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.PostalCode;
import org.madoguchi.japan.WarekiDate;

/**
 * One household's form as the template prints it: everything already in the words and figures of the page
 * (the number as NN-NNNNNNN-N, yen with separators, dates in the era), so the template only places them.
 * The head is the first member; a household without a registered 世帯主 is addressed to its first member.
 * Public only because the template engine reads it by reflection.
 */
public record FormSheet(String number, String formattedNumber, String qr, String headName, String headKana, String postalMark, String address,
		List<Member> members, int persons, String amount, boolean compact) {

	/** Beyond this many members the rows are set smaller so that the form still fits its one page. */
	static final int ROOMY_MEMBERS = 8;

	public record Member(String name, String kana, String relationship, String birthDate) {

		static Member of(String name, String kana, String relationship, LocalDate birthDate) {
			return new Member(name, kana, relationship, birthDate == null ? "" : wareki(birthDate));
		}
	}

	static FormSheet of(ApplicationNumber number, String postalCode, String address, List<Member> members, int persons,
			long amountPerPerson) {
		var head = members.isEmpty() ? new Member("", "", "", "") : members.getFirst();
		return new FormSheet(number.value(), number.formatted(), PrintedPages.inlinePng(FormQrCode.png(number)), head.name(), head.kana(),
				postalMark(postalCode), address == null ? "" : address, members, persons, yen(persons * amountPerPerson),
				members.size() > ROOMY_MEMBERS);
	}

	/** 300,000 (the template adds 円). */
	static String yen(long amount) {
		return new DecimalFormat("#,##0").format(amount);
	}

	private static String postalMark(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		try {
			return "〒" + PostalCode.of(code).formatted();
		} catch (InvalidValue e) {
			return "〒" + code; // printed as registered: the register is the authority, not this check
		}
	}

	/** Birth dates before 明治 cannot be written in the modern eras; none is living, but a typo must not stop a print run. */
	private static String wareki(LocalDate date) {
		try {
			return WarekiDate.format(date);
		} catch (RuntimeException e) {
			return date.toString();
		}
	}
}
