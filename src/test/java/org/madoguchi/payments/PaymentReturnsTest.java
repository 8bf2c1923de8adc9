package org.madoguchi.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.payments.PaymentSamples.JAPAN_POST;
import static org.madoguchi.payments.PaymentSamples.KOBE;
import static org.madoguchi.payments.PaymentSamples.MIZUHO;
import static org.madoguchi.payments.PaymentSamples.MUFG;
import static org.madoguchi.payments.PaymentSamples.PAYER;
import static org.madoguchi.payments.PaymentSamples.in;
import static org.madoguchi.payments.PaymentSamples.nextBusinessDay;
import static org.madoguchi.payments.PaymentSamples.order;
import static org.madoguchi.payments.PaymentSamples.purpose;
import static org.madoguchi.payments.PaymentSamples.reference;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.Conflict;
import org.madoguchi.tenancy.OfficeCalendars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Returned transfers, re-payment in a later batch, idempotent result imports, cancellation, and the purpose's totals. */
@MadoguchiTest
@RecordApplicationEvents
class PaymentReturnsTest {

	private static final Charset CP932 = Charset.forName("windows-31j");

	@Autowired
	PaymentBatches batches;
	@Autowired
	OfficeCalendars calendars;
	@Autowired
	ApplicationEvents events;

	@AfterEach
	void forgetLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aReturnedTransferFreesItsReferenceForASecondBatchAndTheSameFileAgainChangesNothing() {
		String purpose = purpose("returned");
		var first = sent(prepare(purpose, order(101, MIZUHO, "イチ", 100_000), order(102, JAPAN_POST, "ニ", 100_000),
				order(103, MUFG, "サン", 100_000)));
		byte[] results = """
				application_number,result_code,reason
				%s,1,口座なし
				""".formatted(reference(102)).getBytes(CP932);

		var imported = in(KOBE, () -> batches.importResults(KOBE, purpose, new ByteArrayInputStream(results), null));

		assertThat(imported.returned()).isEqualTo(1);
		assertThat(imported.rejected()).isEmpty();
		assertThat(events.stream(PaymentReturned.class))
			.containsExactly(new PaymentReturned(KOBE, purpose, reference(102), 100_000, "1", "口座なし"));
		assertThat(totals(purpose)).isEqualTo(new PurposeTotals(purpose, 1, tally(3, 300_000), tally(1, 100_000), tally(2, 200_000)));

		var second = sent(prepare(purpose, order(101, MIZUHO, "イチ", 100_000), order(102, MIZUHO, "ニ", 100_000),
				order(103, MUFG, "サン", 100_000)));
		assertThat(second.count()).as("only the returned one is paid again").isEqualTo(1);
		assertThat(second.skipped()).isEqualTo(2);

		var again = in(KOBE, () -> batches.importResults(KOBE, purpose, new ByteArrayInputStream(results), null));
		assertThat(again.alreadyImported()).isTrue();
		assertThat(again.returned()).isZero();
		assertThat(events.stream(PaymentReturned.class)).hasSize(1);
		assertThat(totals(purpose)).as("the new payment stays scheduled")
			.isEqualTo(new PurposeTotals(purpose, 2, tally(4, 400_000), tally(1, 100_000), tally(3, 300_000)));
		assertThat(first.id()).isNotEqualTo(second.id());
	}

	@Test
	void rowsThatCannotBeAppliedAreAnsweredOneByOneInTheCallersLanguage() {
		String purpose = purpose("rejected");
		sent(prepare(purpose, order(201, MIZUHO, "イチ", 10_000), order(202, MUFG, "ニ", 10_000)));
		var unsent = prepare(purpose, order(203, MIZUHO, "サン", 10_000));
		byte[] results = ("""
				application_number,result_code,reason
				%s,2,名義相違
				9999999999,1,
				12AB,,
				%s,1,口座なし
				%s,2,again
				""").formatted(reference(201), reference(203), reference(201)).getBytes(CP932);
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		var imported = in(KOBE, () -> batches.importResults(KOBE, purpose, new ByteArrayInputStream(results), null));

		assertThat(imported.rows()).isEqualTo(5);
		assertThat(imported.returned()).isEqualTo(1);
		assertThat(imported.rejected()).extracting(ResultImport.Rejected::line).containsExactly(3, 4, 5, 6);
		assertThat(imported.rejected().get(0).errors()).extracting(ResultImport.Error::code).containsExactly("unknown_reference");
		assertThat(imported.rejected().get(0).errors().get(0).message()).isEqualTo("No payment is scheduled for this application number.");
		assertThat(imported.rejected().get(1).errors()).extracting(ResultImport.Error::path)
			.containsExactly("application_number", "result_code");
		assertThat(imported.rejected().get(2).errors()).extracting(ResultImport.Error::code).containsExactly("not_sent");
		assertThat(imported.rejected().get(3).errors()).extracting(ResultImport.Error::code).containsExactly("already_returned");
		assertThat(in(KOBE, () -> batches.find(KOBE, unsent.id())).orElseThrow().state()).isEqualTo(BatchState.PREPARED);
	}

	@Test
	void aCancelledBatchFreesItsReferencesAndCannotBeWrittenOrSent() {
		String purpose = purpose("cancelled");
		var batch = prepare(purpose, order(301, MIZUHO, "イチ", 5_000), order(302, MUFG, "ニ", 6_000));

		var cancelled = in(KOBE, () -> batches.cancel(KOBE, batch.id()));
		var again = prepare(purpose, order(301, MIZUHO, "イチ", 5_000), order(302, MUFG, "ニ", 6_000));

		assertThat(cancelled.state()).isEqualTo(BatchState.CANCELLED);
		assertThat(again.count()).isEqualTo(2);
		assertThat(again.skipped()).isZero();
		assertThat(totals(purpose)).isEqualTo(new PurposeTotals(purpose, 1, tally(2, 11_000), tally(0, 0), tally(2, 11_000)));
		assertThatThrownBy(() -> in(KOBE, () -> {
			batches.writeZengin(KOBE, batch.id(), new ByteArrayOutputStream());
			return null;
		})).isInstanceOf(Conflict.class).hasMessage("batch_cancelled");
		assertThatThrownBy(() -> in(KOBE, () -> batches.markSent(KOBE, batch.id()))).isInstanceOf(Conflict.class)
			.hasMessage("batch_not_prepared");
	}

	@Test
	void aBatchIsSentOnlyWithItsFileAndIsNotCancelledAfterwards() {
		var batch = prepare(purpose("sent"), order(401, MIZUHO, "イチ", 5_000));

		assertThatThrownBy(() -> in(KOBE, () -> batches.markSent(KOBE, batch.id()))).isInstanceOf(Conflict.class)
			.hasMessage("file_not_generated");
		var sent = sent(batch);
		assertThat(sent.state()).isEqualTo(BatchState.SENT);
		assertThatThrownBy(() -> in(KOBE, () -> batches.cancel(KOBE, batch.id()))).isInstanceOf(Conflict.class)
			.hasMessage("batch_not_prepared");
	}

	private BatchSummary prepare(String purpose, PaymentOrder... orders) {
		return in(KOBE, () -> batches.prepare(KOBE, purpose, nextBusinessDay(calendars, KOBE), PAYER, Stream.of(orders)));
	}

	private BatchSummary sent(BatchSummary batch) {
		return in(KOBE, () -> {
			batches.writeZengin(KOBE, batch.id(), new ByteArrayOutputStream());
			return batches.markSent(KOBE, batch.id());
		});
	}

	private PurposeTotals totals(String purpose) {
		return in(KOBE, () -> batches.totals(KOBE, purpose));
	}

	private static PurposeTotals.Tally tally(long count, long yen) {
		return new PurposeTotals.Tally(count, yen);
	}
}
