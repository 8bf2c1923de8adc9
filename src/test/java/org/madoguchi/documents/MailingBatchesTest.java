package org.madoguchi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.documents.LetterType.DECISION_NOTICE;
import static org.madoguchi.documents.LetterType.DEFICIENCY_NOTICE;
import static org.madoguchi.documents.Samples.KOBE;
import static org.madoguchi.documents.Samples.OSAKA;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.audit.AuditFilter;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Mailing batches on the embedded database: one type per batch, numbers without gaps, the count check. */
@MadoguchiTest
class MailingBatchesTest {

	static final LocalDate DATE = LocalDate.of(2026, 4, 1);
	private static int nextCase = 1;

	@Autowired
	MailingBatches batches;
	@Autowired
	IssuedLetters issued;
	@Autowired
	AuditLog auditLog;
	@Autowired
	JdbcClient db;

	@Test
	void lettersOfTwoTypesGoToTwoBatchesEachOfItsOwnType() {
		var deficiency = in(KOBE, () -> batches.add(letter(DEFICIENCY_NOTICE)));
		var decision = in(KOBE, () -> batches.add(letter(DECISION_NOTICE)));

		assertThat(deficiency.batchId()).isNotEqualTo(decision.batchId());
		assertThat(in(KOBE, () -> batches.find(KOBE, deficiency.batchId())).type()).isEqualTo(DEFICIENCY_NOTICE);
		assertThat(in(KOBE, () -> batches.find(KOBE, decision.batchId())).type()).isEqualTo(DECISION_NOTICE);
	}

	@Test
	void theDatabaseItselfRefusesALetterOfAnotherTypeInABatch() {
		var deficiency = in(KOBE, () -> batches.add(letter(DEFICIENCY_NOTICE)));
		int next = in(KOBE, () -> batches.find(KOBE, deficiency.batchId())).letterCount() + 1;

		assertThatThrownBy(() -> in(KOBE, () -> db.sql("""
				insert into letter (tenant_id, batch_id, letter_type, procedure_id, case_number, sequence, letter_date,
					recipient_postal_code, pdf, created_by)
				values ('281000', ?, 'decision-notice', 'x', 'WRONG-1', ?, current_date, '6500001', '\\x00', 'test')
				""").params(deficiency.batchId(), next).update()))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("foreign key");
		assertThatThrownBy(() -> in(KOBE, () -> db.sql("update letter set letter_type = 'decision-notice' where tenant_id = '281000' and id = ?")
				.param(deficiency.id()).update()))
			.isInstanceOf(DataAccessException.class);
	}

	@Test
	void sequenceNumbersRunFromOneWithoutGapsAndArePrintedOnTheLetters() {
		startFresh(DECISION_NOTICE);
		var added = IntStream.range(0, 5).mapToObj(i -> in(KOBE, () -> batches.add(letter(DECISION_NOTICE)))).toList();
		long batch = added.get(0).batchId();

		assertThat(in(KOBE, () -> batches.letters(KOBE, batch))).extracting(IssuedLetter::sequence).containsExactly(1, 2, 3, 4, 5);
		assertThat(in(KOBE, () -> batches.find(KOBE, batch)).letterCount()).isEqualTo(5);
		assertThat(PdfReading.text(in(KOBE, () -> issued.pdf(KOBE, added.get(2).id())))).contains("No. 000003", "発送便 " + batch);
	}

	@Test
	void aLetterThatFailsToBeStoredLeavesNoGapAndTheDatabaseRefusesASkippedNumber() {
		startFresh(DEFICIENCY_NOTICE);
		var first = in(KOBE, () -> batches.add(letter(DEFICIENCY_NOTICE)));
		assertThatThrownBy(() -> in(KOBE, () -> batches.addOnce(letter(DEFICIENCY_NOTICE), "k".repeat(201))))
			.isInstanceOf(DataAccessException.class);
		var second = in(KOBE, () -> batches.add(letter(DEFICIENCY_NOTICE)));

		assertThat(second.sequence()).isEqualTo(2);
		assertThatThrownBy(() -> in(KOBE, () -> db.sql("""
				insert into letter (tenant_id, batch_id, letter_type, procedure_id, case_number, sequence, letter_date,
					recipient_postal_code, pdf, created_by)
				values ('281000', ?, 'deficiency-notice', 'x', 'SKIP-1', 4, current_date, '6500001', '\\x00', 'test')
				""").param(first.batchId()).update()))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("cannot join mailing batch");
	}

	@Test
	void theManifestIsCp932WithCrlfAndOneRowPerLetterAfterTheHeader() {
		startFresh(DEFICIENCY_NOTICE);
		var added = IntStream.range(0, 3).mapToObj(i -> in(KOBE, () -> batches.add(letter(DEFICIENCY_NOTICE)))).toList();
		long batch = added.get(0).batchId();
		in(KOBE, () -> batches.close(KOBE, batch));

		byte[] csv = in(KOBE, () -> batches.manifest(KOBE, batch));

		assertThat(csv).startsWith("連番,整理番号".getBytes(Manifest.CP932));
		String text = new String(csv, Manifest.CP932);
		assertThat(text).endsWith("\r\n").doesNotContain("\uFFFD");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
		var lines = List.of(text.split("\r\n"));
		assertThat(lines).hasSize(4);
		assertThat(lines.get(1)).isEqualTo("1," + added.get(0).caseNumber() + ",650-0001,deficiency-notice,不備のお知らせ");
		assertThat(lines.get(3)).startsWith("3," + added.get(2).caseNumber() + ",");
		assertThat(new String(csv, StandardCharsets.UTF_8)).doesNotContain("連番");
	}

	@Test
	void anOpenBatchHasNoManifestAndCannotBeMarkedMailed() {
		var added = in(KOBE, () -> batches.add(letter(DEFICIENCY_NOTICE)));

		assertThatThrownBy(() -> in(KOBE, () -> batches.manifest(KOBE, added.batchId())))
			.isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problem().code()).isEqualTo("batch_not_closed"));
		assertThatThrownBy(() -> batchesMailed(added.batchId(), 1))
			.isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problem().code()).isEqualTo("batch_not_closed"));
	}

	@Test
	void aWrongCountIsRefusedAndAuditedAndTheRightCountMarksTheBatchMailed() {
		startFresh(DECISION_NOTICE);
		var added = IntStream.range(0, 2).mapToObj(i -> in(KOBE, () -> batches.add(letter(DECISION_NOTICE)))).toList();
		long batch = added.get(0).batchId();
		in(KOBE, () -> batches.close(KOBE, batch));

		assertThatThrownBy(() -> batchesMailed(batch, 3)).isInstanceOfSatisfying(Conflict.class, e -> {
			assertThat(e.status()).isEqualTo(409);
			assertThat(e.problem().code()).isEqualTo("count_mismatch");
		});
		assertThat(in(KOBE, () -> batches.find(KOBE, batch)).state()).isEqualTo(MailingBatch.State.CLOSED_FOR_PRINT);
		assertThat(audited("mailing-batch.count-mismatch", batch)).isEqualTo(1);

		var mailed = batchesMailed(batch, 2);

		assertThat(mailed.state()).isEqualTo(MailingBatch.State.MAILED);
		assertThat(mailed.counted()).isEqualTo(2);
		assertThat(mailed.mailedAt()).isNotNull();
		assertThat(audited("mailing-batch.mailed", batch)).isEqualTo(1);
		assertThat(audited("mailing-batch.closed", batch)).isEqualTo(1);
		assertThatThrownBy(() -> batchesMailed(batch, 2))
			.isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.problem().code()).isEqualTo("batch_already_mailed"));
	}

	@Test
	void aRepeatedIdempotencyKeyReturnsTheFirstLetterInsteadOfASecond() {
		var first = in(KOBE, () -> batches.addOnce(letter(LetterType.ACKNOWLEDGEMENT), "case-77:received"));
		var again = in(KOBE, () -> batches.addOnce(letter(LetterType.ACKNOWLEDGEMENT), "case-77:received"));

		assertThat(first.isNew()).isTrue();
		assertThat(again.isNew()).isFalse();
		assertThat(again.letter()).isEqualTo(first.letter());
	}

	@Test
	void aLetterHandedOverJoinsNoBatchAndBothAreListedWithTheirCase() {
		var mailed = in(KOBE, () -> batches.add(letter(LetterType.ACKNOWLEDGEMENT)));
		var request = Samples.request(KOBE, "神戸市", "resident-certificate-by-mail", DECISION_NOTICE, mailed.caseNumber(), DATE);
		var handed = in(KOBE, () -> issued.handOver(request));

		assertThat(handed.batchId()).isNull();
		assertThat(handed.sequence()).isNull();
		assertThat(in(KOBE, () -> issued.ofCase(KOBE, mailed.caseNumber()))).containsExactly(mailed, handed);
	}

	@Test
	void anotherCitysBatchesAndLettersAreNotFound() {
		var osaka = in(OSAKA, () -> batches.add(Samples.request(OSAKA, "大阪市", "care-certification", DEFICIENCY_NOTICE, "O-1", DATE)));

		assertThatThrownBy(() -> in(KOBE, () -> batches.find(KOBE, osaka.batchId()))).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> in(KOBE, () -> issued.pdf(KOBE, osaka.id()))).isInstanceOf(NotFound.class);
		assertThat(in(KOBE, () -> batches.list(KOBE, null))).noneMatch(b -> b.id() == osaka.batchId());
	}

	private LetterRequest letter(LetterType type) {
		return Samples.request(KOBE, "神戸市", "resident-certificate-by-mail", type, "T" + (nextCase++) + "-" + System.nanoTime() % 100000, DATE);
	}

	/** Closes the open batch of a type, if it holds letters, so that the next letter starts a new batch at 1. */
	private void startFresh(LetterType type) {
		in(KOBE, () -> batches.list(KOBE, MailingBatch.State.OPEN)).stream()
			.filter(b -> b.type() == type && b.letterCount() > 0)
			.forEach(b -> in(KOBE, () -> batches.close(KOBE, b.id())));
	}

	private MailingBatch batchesMailed(long batch, int counted) {
		return in(KOBE, () -> batches.markMailed(KOBE, batch, counted));
	}

	private long audited(String action, long batch) {
		return in(KOBE, () -> auditLog.find(KOBE, new AuditFilter(null, null, null, action, "mailing-batch", Long.toString(batch)), 0, 10)).total();
	}

	private static <T> T in(String city, Supplier<T> work) {
		try (var scope = TenantScope.open(city)) {
			return work.get();
		}
	}
}
