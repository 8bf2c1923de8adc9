package org.madoguchi.benefits;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.madoguchi.japan.ZenginText;
import org.madoguchi.payments.AccountType;
import org.madoguchi.payments.BankDirectory;
import org.madoguchi.payments.BatchSummary;
import org.madoguchi.payments.PaymentBatches;
import org.madoguchi.payments.PaymentOrder;
import org.madoguchi.payments.ResultImport;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Role;
import org.madoguchi.privacy.BulkVault;
import org.madoguchi.privacy.PersonalDataKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying a programme's approved applications through the payments module: a batch per transfer date, its
 * Zengin file, its dispatch to the bank (from then on the applications read "paid"), and the bank's returns.
 * The payments module pays each application number at most once per programme; this side refuses a batch
 * outright rather than leave an approved application silently unpaid.
 */
@Service
public class BenefitPayments {

	/** Accounts opened from the vault per query while the batch is written. */
	static final int PAGE = 5_000;

	private final JdbcClient db;
	private final BenefitProgrammes programmes;
	private final PaymentBatches payments;
	private final BulkVault vault;
	private final ProgrammeRows rows;

	BenefitPayments(JdbcClient db, BenefitProgrammes programmes, PaymentBatches payments, BulkVault vault, ProgrammeRows rows) {
		this.db = db;
		this.rows = rows;
		this.programmes = programmes;
		this.payments = payments;
		this.vault = vault;
	}

	/** The payments module's purpose under which a programme's transfers are made. */
	public static String purpose(String programmeId) {
		return "benefit:" + programmeId;
	}

	private record Payable(long id, String applicationNumber, String bankCode, String branchCode, String accountType, long accountRef,
			String holder, long amount) {
	}

	/** Every approved, unpaid application into one batch for the transfer date. */
	@Transactional
	public BatchSummary prepare(String municipality, String programmeId, LocalDate transferDate) {
		BenefitRoles.require(Role.OPERATOR_SUPERVISOR, Role.MUNICIPAL_OFFICIAL);
		var programme = programmes.get(municipality, programmeId);
		rows.lockProgramme(municipality, programmeId);
		List<Payable> payable = db.sql("""
				select id, application_number, bank_code, branch_code, account_type, account_ref, holder_zengin as holder, amount
				from benefit_application
				where tenant_id = ? and programme_id = ? and status = 'approved' and amount > 0
				order by application_number
				""").params(municipality, programmeId).query(Payable.class).list();
		var opening = vault.open(municipality, PersonalDataKind.BANK_ACCOUNT, "payment-batch:" + purpose(programmeId));
		var banks = BankDirectory.shipped();
		int pages = (payable.size() + PAGE - 1) / PAGE;
		Stream<PaymentOrder> orders = IntStream.range(0, pages).boxed().flatMap(page -> {
			var slice = payable.subList(page * PAGE, Math.min(payable.size(), (page + 1) * PAGE));
			var numbers = opening.values(slice.stream().map(Payable::accountRef).toList());
			return slice.stream().map(p -> new PaymentOrder(p.applicationNumber(), banks.account(p.bankCode(), p.branchCode(),
					AccountType.ofCode(p.accountType()), numbers.get(p.accountRef())), new ZenginText(p.holder()), p.amount(),
					p.accountRef()));
		});
		var batch = payments.prepare(municipality, purpose(programmeId), transferDate, programme.payer(), orders);
		if (batch.skipped() > 0) {
			// an approved application whose household already has a live payment: a person must look, nothing is paid
			throw new Conflict(409, "transferDate", "already_paid");
		}
		db.sql("""
				update benefit_application set status = 'scheduled', batch_id = ?, transfer_date = ?, updated_at = now()
				where tenant_id = ? and programme_id = ? and status = 'approved' and amount > 0
				""").params(batch.id(), transferDate, municipality, programmeId).update();
		return batch;
	}

	@Transactional
	public void writeZengin(String municipality, String programmeId, long batchId, OutputStream out) {
		BenefitRoles.require(Role.OPERATOR_SUPERVISOR, Role.MUNICIPAL_OFFICIAL);
		batchOf(municipality, programmeId, batchId);
		payments.writeZengin(municipality, batchId, out);
	}

	/** The city sends the file to its bank: the batch's applications read "paid on the transfer date" from now. */
	@Transactional
	public BatchSummary markSent(String municipality, String programmeId, long batchId) {
		BenefitRoles.require(Role.MUNICIPAL_OFFICIAL);
		batchOf(municipality, programmeId, batchId);
		var sent = payments.markSent(municipality, batchId);
		db.sql("""
				update benefit_application set status = 'paid', updated_at = now()
				where tenant_id = ? and programme_id = ? and batch_id = ? and status = 'scheduled'
				""").params(municipality, programmeId, batchId).update();
		return sent;
	}

	/**
	 * Withdraws a batch not yet sent (a wrong transfer date, a file the bank refused): its applications are
	 * approved again, unscheduled, and go into the next batch. The supervisor or the official, who make batches.
	 */
	@Transactional
	public BatchSummary cancel(String municipality, String programmeId, long batchId) {
		BenefitRoles.require(Role.OPERATOR_SUPERVISOR, Role.MUNICIPAL_OFFICIAL);
		batchOf(municipality, programmeId, batchId);
		rows.lockProgramme(municipality, programmeId);
		var cancelled = payments.cancel(municipality, batchId);
		db.sql("""
				update benefit_application set status = 'approved', batch_id = null, transfer_date = null, updated_at = now()
				where tenant_id = ? and programme_id = ? and batch_id = ? and status = 'scheduled'
				""").params(municipality, programmeId, batchId).update();
		return cancelled;
	}

	/** The bank's returned transfers; each goes back to its resident as a deficiency (see {@link ReturnedTransfers}). */
	@Transactional
	public ResultImport importBankResults(String municipality, String programmeId, InputStream csv, Charset encoding) {
		BenefitRoles.require(Role.OPERATOR_CLERK, Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR, Role.MUNICIPAL_OFFICIAL);
		programmes.get(municipality, programmeId);
		return payments.importResults(municipality, purpose(programmeId), csv, encoding);
	}

	public List<BatchSummary> batches(String municipality, String programmeId) {
		programmes.get(municipality, programmeId);
		return payments.ofPurpose(municipality, purpose(programmeId));
	}

	private BatchSummary batchOf(String municipality, String programmeId, long batchId) {
		programmes.get(municipality, programmeId);
		return payments.find(municipality, batchId).filter(b -> b.purpose().equals(purpose(programmeId)))
			.orElseThrow(() -> new NotFound("batchId"));
	}
}
