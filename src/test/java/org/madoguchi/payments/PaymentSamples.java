package org.madoguchi.payments;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.madoguchi.japan.JapanPostAccount;
import org.madoguchi.japan.ZenginText;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.tenancy.OfficeCalendars;

/** Payers, accounts and orders for the payment tests; every test pays within a purpose of its own. */
final class PaymentSamples {

	static final String KOBE = "281000";
	static final String OSAKA = "271004";
	static final BankDirectory BANKS = BankDirectory.shipped();
	static final Payer PAYER = new Payer("1234567", ZenginText.of("コウベシ カイケイカンリシャ"),
			BANKS.account("0009", "101", AccountType.CURRENT, "7654321"));

	/** みずほ本店, 普通, with a number found nowhere else in the tests' rows. */
	static final BankAccount MIZUHO = BANKS.account("0001", "100", AccountType.ORDINARY, "8765431");
	/** ゆうちょ 12345-86420861, which other banks address as branch 238, 普通, 8642086. */
	static final BankAccount JAPAN_POST = BANKS.account(JapanPostAccount.of("12345", "86420861"));
	static final BankAccount MUFG = BANKS.account("0005", "001", AccountType.ORDINARY, "5318642");

	private static final AtomicInteger PURPOSES = new AtomicInteger();

	private PaymentSamples() {
	}

	/** A purpose no other test uses, so tests sharing the database never see each other's payments. */
	static String purpose(String name) {
		return "benefit:" + name + "-" + PURPOSES.incrementAndGet() + "-" + System.nanoTime();
	}

	static String reference(long n) {
		return "%010d".formatted(n);
	}

	static PaymentOrder order(long reference, BankAccount account, String holderKana, long amount) {
		return new PaymentOrder(reference(reference), account, ZenginText.of(holderKana), amount);
	}

	/** The first business day of the city's office calendar after today, as a transfer date. */
	static LocalDate nextBusinessDay(OfficeCalendars calendars, String municipality) {
		var calendar = in(municipality, () -> calendars.of(municipality));
		return calendar.businessDayOnOrAfter(LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1));
	}

	static <T> T in(String municipality, Supplier<T> work) {
		try (var scope = TenantScope.open(municipality)) {
			return work.get();
		}
	}

	static void run(String municipality, Runnable work) {
		try (var scope = TenantScope.open(municipality)) {
			work.run();
		}
	}
}
