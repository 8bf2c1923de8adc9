package org.madoguchi.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.madoguchi.payments.PaymentSamples.JAPAN_POST;
import static org.madoguchi.payments.PaymentSamples.KOBE;
import static org.madoguchi.payments.PaymentSamples.MIZUHO;
import static org.madoguchi.payments.PaymentSamples.MUFG;
import static org.madoguchi.payments.PaymentSamples.OSAKA;
import static org.madoguchi.payments.PaymentSamples.PAYER;
import static org.madoguchi.payments.PaymentSamples.in;
import static org.madoguchi.payments.PaymentSamples.nextBusinessDay;
import static org.madoguchi.payments.PaymentSamples.order;
import static org.madoguchi.payments.PaymentSamples.purpose;
import static org.madoguchi.payments.PaymentSamples.reference;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.audit.AuditFilter;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.japan.ZenginText;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Problem;
import org.madoguchi.privacy.PersonalDataKind;
import org.madoguchi.privacy.PersonalDataVault;
import org.madoguchi.tenancy.OfficeCalendars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Payment batches on the embedded database: the file read back, the one-live-payment line, the refusals, the tenant line. */
@MadoguchiTest
class PaymentBatchesTest {

	@Autowired
	PaymentBatches batches;
	@Autowired
	OfficeCalendars calendars;
	@Autowired
	AuditLog auditLog;
	@Autowired
	JdbcClient db;
	@Autowired
	PersonalDataVault vault;

	@Test
	void aBatchBecomesAZenginFileThatAnIndependentReaderReadsBackRecordByRecord() {
		String purpose = purpose("file");
		LocalDate date = nextBusinessDay(calendars, KOBE);
		var orders = List.of(order(2_000_000_018L, MIZUHO, "ガッコウ タロウ", 100_000),
				order(2_000_000_026L, JAPAN_POST, "ゆうちょ はなこ", 300_000),
				order(2_000_000_034L, MUFG, "キャッチャー ジョージ", 200_000));

		var batch = in(KOBE, () -> batches.prepare(KOBE, purpose, date, PAYER, orders.stream()));
		var file = ZenginReading.read(zengin(batch.id()));

		assertThat(batch.count()).isEqualTo(3);
		assertThat(batch.total()).isEqualTo(600_000);
		assertThat(file.header().requesterCode()).isEqualTo("0001234567");
		assertThat(file.header().transferDateMmdd()).isEqualTo("%02d%02d".formatted(date.getMonthValue(), date.getDayOfMonth()));
		assertThat(file.trailerCount()).isEqualTo(orders.size()).isEqualTo(file.data().size());
		assertThat(file.trailerTotal()).isEqualTo(600_000).isEqualTo(file.data().stream().mapToLong(ZenginReading.Data::amount).sum());
		var voiced = file.data().get(0);
		assertThat(voiced.payeeName()).as("voiced kana as kana + ﾞ").isEqualTo("ｶﾞﾂｺｳ ﾀﾛｳ");
		assertThat(voiced.accountNumber()).isEqualTo("8765431");
		assertThat(voiced.customerCode1()).as("the reference comes back in customer code 1").isEqualTo("2000000018");
		var japanPost = file.data().get(1);
		assertThat(List.of(japanPost.bankCode(), japanPost.bankName(), japanPost.branchCode(), japanPost.accountType(),
				japanPost.accountNumber())).containsExactly("9900", "ﾕｳﾁﾖ", "238", "1", "8642086");
		assertThat(file.data().get(2).payeeName()).isEqualTo("ｷﾔﾂﾁﾔ- ｼﾞﾖ-ｼﾞ");
	}

	@Test
	void anAccountTheVaultAlreadyKeepsIsPaidFromThatValueNotSealedAgain() {
		var kept = in(KOBE, () -> vault.store(KOBE, PersonalDataKind.BANK_ACCOUNT, MUFG.number()));
		long before = bankAccountsInVault();
		var batch = prepare(purpose("kept"), new PaymentOrder(reference(4_000_000_016L), MUFG, ZenginText.of("ヤマダ タロウ"), 70_000, kept.id()),
				order(4_000_000_024L, MIZUHO, "ヤマダ ハナコ", 80_000));

		assertThat(bankAccountsInVault()).as("only the account the vault did not keep is sealed").isEqualTo(before + 1);
		var file = ZenginReading.read(zengin(batch.id()));
		assertThat(file.data()).extracting(ZenginReading.Data::accountNumber).containsExactly(MUFG.number(), MIZUHO.number());
		assertThat(in(KOBE, () -> db.sql("select account_value_id from payment where tenant_id = ? and batch_id = ? order by seq")
			.params(KOBE, batch.id()).query(Long.class).list().get(0))).isEqualTo(kept.id());
	}

	private long bankAccountsInVault() {
		return in(KOBE, () -> db.sql("select count(*) from personal_value where tenant_id = ? and kind = ?")
			.params(KOBE, PersonalDataKind.BANK_ACCOUNT.code()).query(Long.class).single());
	}

	@Test
	void theFileIsTheSameEveryTimeAndItsHashAndGenerationAreRecorded() {
		var batch = prepare(purpose("hash"), order(3_000_000_017L, MIZUHO, "ヤマダ ハナコ", 50_000));
		byte[] first = zengin(batch.id());

		assertThat(zengin(batch.id())).isEqualTo(first);
		assertThat(in(KOBE, () -> batches.find(KOBE, batch.id())).orElseThrow().fileGenerated()).isTrue();
		assertThat(audited("payment.file.generated", batch.id())).isEqualTo(2);
		assertThat(audited("payment.batch.prepared", batch.id())).isEqualTo(1);
	}

	@Test
	void aReferenceIsScheduledOnceInItsPurposeAndOnlyOnceWithinOneBatch() {
		String purpose = purpose("twice");
		var first = prepare(purpose, order(1, MIZUHO, "イチ", 1_000), order(2, MUFG, "ニ", 2_000));

		var second = in(KOBE, () -> batches.prepare(KOBE, purpose, nextBusinessDay(calendars, KOBE), PAYER,
				Stream.of(order(2, MUFG, "ニ", 2_000), order(3, MIZUHO, "サン", 3_000), order(3, MIZUHO, "サン", 3_000))));
		var elsewhere = prepare(purpose("other"), order(2, MUFG, "ニ", 2_000));

		assertThat(first.count()).isEqualTo(2);
		assertThat(second.count()).isEqualTo(1);
		assertThat(second.skipped()).as("2 was scheduled before, 3 came twice").isEqualTo(2);
		assertThat(second.total()).isEqualTo(3_000);
		assertThat(elsewhere.count()).as("another purpose is another matter").isEqualTo(1);
		assertThat(ZenginReading.read(zengin(second.id())).data()).extracting(ZenginReading.Data::customerCode1)
			.containsExactly(reference(3));
	}

	@Test
	void theDatabaseItselfRefusesASecondLivePaymentOfAReference() {
		String purpose = purpose("index");
		var batch = prepare(purpose, order(7, MIZUHO, "ナナ", 7_000));

		assertThatThrownBy(() -> in(KOBE, () -> db.sql("""
				insert into payment (tenant_id, batch_id, seq, purpose, reference, bank_code, bank_name, branch_code, branch_name,
				    account_type, account_value_id, account_mask, payee_name, amount)
				values ('281000', ?, 2, ?, ?, '0001', 'ﾐｽﾞﾎ', '100', 'ﾎﾝﾃﾝ', '1', 1, '****431', 'ﾅﾅ', 7000)
				""").params(batch.id(), purpose, reference(7)).update()))
			.isInstanceOf(DuplicateKeyException.class).hasMessageContaining("payment_live_reference");
	}

	@Test
	void theDatabaseKeepsEveryPaymentInABatchOfItsCityAndPurpose() {
		String purpose = purpose("batch");
		var batch = prepare(purpose, order(8, MIZUHO, "ハチ", 8_000));

		assertThatThrownBy(() -> in(KOBE, () -> db.sql("""
				insert into payment (tenant_id, batch_id, seq, purpose, reference, bank_code, bank_name, branch_code, branch_name,
				    account_type, account_value_id, account_mask, payee_name, amount)
				values ('281000', ?, 2, 'benefit:another', ?, '0001', 'ﾐｽﾞﾎ', '100', 'ﾎﾝﾃﾝ', '1', 1, '****431', 'ﾊﾁ', 8000)
				""").params(batch.id(), reference(8)).update()))
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("batch of its city and purpose");
		assertThatThrownBy(() -> in(KOBE, () -> db.sql("update payment set purpose = 'benefit:another' where tenant_id = ? and batch_id = ?")
				.params(KOBE, batch.id()).update()))
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("stays in its batch");
		assertThatThrownBy(() -> in(KOBE, () -> db.sql("update payment_batch set purpose = 'benefit:another' where tenant_id = ? and id = ?")
				.params(KOBE, batch.id()).update()))
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("keeps its city and purpose");
		assertThatThrownBy(() -> in(KOBE, () -> db.sql("delete from payment_batch where tenant_id = ? and id = ?")
				.params(KOBE, batch.id()).update()))
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("cancel one instead");
	}

	@Test
	void nothingToPayIsRefusedAndLeavesNoBatch() {
		String purpose = purpose("nothing");
		prepare(purpose, order(9, MIZUHO, "キュウ", 9_000));

		assertThatThrownBy(() -> prepare(purpose, order(9, MIZUHO, "キュウ", 9_000)))
			.isInstanceOf(InvalidInput.class).hasMessageContaining("orders:nothing_to_pay");
		assertThat(in(KOBE, () -> batches.ofPurpose(KOBE, purpose))).hasSize(1);
	}

	@Test
	void accountNumbersAreKeptOnlyAsVaultReferencesAndMasks() {
		String purpose = purpose("plain");
		var batch = prepare(purpose, order(11, MIZUHO, "ジュウイチ", 11_000), order(12, MUFG, "ジュウニ", 12_000));

		List<String> columns = db.sql("select column_name from information_schema.columns where table_name = 'payment'")
			.query(String.class).list();
		assertThat(columns).contains("account_value_id", "account_mask").noneMatch(c -> c.contains("number"));
		String rows = in(KOBE, () -> db.sql("select string_agg(p::text, '|') from payment p where tenant_id = ? and batch_id = ?")
			.params(KOBE, batch.id()).query(String.class).single());
		assertThat(rows).contains("****431", "****642").doesNotContain("8765431", "5318642");
	}

	@Test
	void aTransferDateOnAHolidayOrInThePastIsRefused() {
		String purpose = purpose("dates");

		assertThat(problems(() -> in(KOBE, () -> batches.prepare(KOBE, purpose, LocalDate.of(2027, 1, 1), PAYER,
				Stream.of(order(1, MIZUHO, "イチ", 1_000))))))
			.extracting(Problem::path, Problem::code).containsExactly(tuple("transferDate", "transfer_date_closed"));
		assertThat(problems(() -> in(KOBE, () -> batches.prepare(KOBE, purpose, LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1),
				PAYER, Stream.of(order(1, MIZUHO, "イチ", 1_000))))))
			.extracting(Problem::code).containsExactly("transfer_date_past");
		assertThat(in(KOBE, () -> batches.ofPurpose(KOBE, purpose))).isEmpty();
	}

	@Test
	void anotherCityCannotSeeTheBatchNorItsPayments() {
		var batch = prepare(purpose("isolation"), order(21, MIZUHO, "ニジュウイチ", 21_000));

		assertThatThrownBy(() -> in(OSAKA, () -> batches.find(KOBE, batch.id()))).isInstanceOf(NotFound.class);
		assertThat(in(OSAKA, () -> batches.find(OSAKA, batch.id()))).isEmpty();
		assertThat(in(OSAKA, () -> db.sql("select count(*) from payment_batch where id = ?").param(batch.id()).query(Long.class).single()))
			.isZero();
		assertThat(in(OSAKA, () -> db.sql("select count(*) from payment where batch_id = ?").param(batch.id()).query(Long.class).single()))
			.isZero();
		assertThatThrownBy(() -> in(OSAKA, () -> {
			batches.writeZengin(KOBE, batch.id(), new ByteArrayOutputStream());
			return null;
		})).isInstanceOf(NotFound.class);
	}

	private BatchSummary prepare(String purpose, PaymentOrder... orders) {
		return in(KOBE, () -> batches.prepare(KOBE, purpose, nextBusinessDay(calendars, KOBE), PAYER, Stream.of(orders)));
	}

	private byte[] zengin(long batchId) {
		var out = new ByteArrayOutputStream();
		in(KOBE, () -> {
			batches.writeZengin(KOBE, batchId, out);
			return null;
		});
		return out.toByteArray();
	}

	private long audited(String action, long batchId) {
		return in(KOBE, () -> auditLog.find(KOBE, new AuditFilter(null, null, null, action, "payment-batch", Long.toString(batchId)), 0, 10))
			.total();
	}

	private static List<Problem> problems(Runnable work) {
		try {
			work.run();
		} catch (InvalidInput e) {
			return e.problems();
		}
		throw new AssertionError("expected the input to be refused");
	}
}
