package org.madoguchi.benefits.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.Approvals;
import org.madoguchi.benefits.BenefitPayments;
import org.madoguchi.benefits.DeficiencyNotices;
import org.madoguchi.benefits.BenefitProgrammes;
import org.madoguchi.benefits.Programme;
import org.madoguchi.benefits.Reconciliation;
import org.madoguchi.benefits.Reconciliations;
import org.madoguchi.payments.BatchState;
import org.madoguchi.payments.BatchSummary;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.Role;
import org.madoguchi.tenancy.Municipalities;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The programmes of a municipality and a programme's page: its reconciliation on screen (every figure, each
 * equation and whether it holds), what waits for a person, and its payment batches. Everyone who works the city
 * may read these, as through the API ({code} is checked by the platform's tenant guard); the figures hold no
 * personal data.
 */
@Controller
class BenefitPages {

	private final BenefitProgrammes programmes;
	private final Reconciliations reconciliations;
	private final Approvals approvals;
	private final BenefitPayments payments;
	private final DeficiencyNotices notices;
	private final Municipalities municipalities;
	private final MessageSource messages;

	BenefitPages(BenefitProgrammes programmes, Reconciliations reconciliations, Approvals approvals, BenefitPayments payments,
			DeficiencyNotices notices, Municipalities municipalities, MessageSource messages) {
		this.programmes = programmes;
		this.notices = notices;
		this.reconciliations = reconciliations;
		this.approvals = approvals;
		this.payments = payments;
		this.municipalities = municipalities;
		this.messages = messages;
	}

	record ProgrammeRow(String id, String name, String referenceDate, String amount, String period, boolean open, boolean snapshotTaken) {
	}

	@GetMapping("/municipalities/{code}/benefits")
	String programmes(@PathVariable String code, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
		model.addAttribute("code", code);
		model.addAttribute("municipality", municipalities.find(code).map(m -> m.name()).orElse(code));
		model.addAttribute("programmes", programmes.all(code).stream().map(p -> new ProgrammeRow(p.id(), p.name(),
				BenefitViews.date(p.referenceDate(), locale), BenefitViews.yen(p.amountPerPerson(), locale), period(p, locale),
				p.open(today), p.snapshotTaken())).toList());
		return "benefits/programmes";
	}

	record Figure(String id, String label, String value) {
	}

	record CheckRow(String name, String left, String right, boolean holds) {
	}

	/**
	 * {@code sendAction} only for the official, on a batch whose file was taken and is not yet sent;
	 * {@code cancelAction} for those who make batches, on any batch not yet sent.
	 */
	record BatchRow(long id, String transferDate, String count, String total, String state, String zenginHref, String sendAction,
			String cancelAction) {
	}

	@GetMapping("/municipalities/{code}/benefits/{programmeId}")
	String programme(@PathVariable String code, @PathVariable String programmeId, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		Programme programme = programmes.get(code, programmeId);
		Reconciliation report = reconciliations.of(code, programmeId);
		var pending = approvals.pending(code, programmeId);
		model.addAttribute("code", code);
		model.addAttribute("base", BenefitViews.base(code, programmeId));
		model.addAttribute("municipality", municipalities.find(code).map(m -> m.name()).orElse(code));
		model.addAttribute("programme", programme);
		model.addAttribute("referenceDate", BenefitViews.date(programme.referenceDate(), locale));
		model.addAttribute("amount", BenefitViews.yen(programme.amountPerPerson(), locale));
		model.addAttribute("period", period(programme, locale));
		model.addAttribute("report", report);
		model.addAttribute("figures", figures(report, locale));
		model.addAttribute("checks", report.checks().stream().map(c -> check(c, locale)).toList());
		model.addAttribute("pendingCount", BenefitViews.count(pending.count()));
		model.addAttribute("pendingTotal", BenefitViews.yen(pending.total(), locale));
		model.addAttribute("mayApprove", BenefitViews.may(Role.MUNICIPAL_OFFICIAL));
		model.addAttribute("mayReadDuplicates", BenefitViews.may(BenefitViews.DUPLICATE_READERS));
		model.addAttribute("mayReadApplications", BenefitViews.may(BenefitViews.CASE_READERS));
		model.addAttribute("batches", batches(code, programmeId, locale));
		model.addAttribute("notices", NoticePages.rows(notices, code, programmeId, locale));
		model.addAttribute("mayNotify", BenefitViews.may(NoticePages.MAKERS));
		model.addAttribute("mayPrepare", BenefitViews.may(BenefitViews.ZENGIN_READERS));
		model.addAttribute("mayImportResults", BenefitViews.may(Role.OPERATOR_CLERK, Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR,
				Role.MUNICIPAL_OFFICIAL));
		return "benefits/programme";
	}

	@GetMapping("/municipalities/{code}/benefits/{programmeId}/reconciliation.csv")
	void reconciliationCsv(@PathVariable String code, @PathVariable String programmeId, HttpServletResponse response) throws IOException {
		ReconciliationCsv.answer(reconciliations.of(code, programmeId), programmeId, response);
	}

	/**
	 * The batch's Zengin file for the bank, whole or not at all; only the roles {@link BenefitPayments} allows,
	 * others get the 403 page. Declared as Object: a file on success, a view name when refused.
	 */
	@GetMapping("/municipalities/{code}/benefits/{programmeId}/batches/{batchId}/zengin")
	Object zengin(@PathVariable String code, @PathVariable String programmeId, @PathVariable long batchId, Model model,
			HttpServletResponse response) {
		var file = new ByteArrayOutputStream();
		try {
			payments.writeZengin(code, programmeId, batchId, file);
		} catch (Conflict e) {
			if (e.status() == 403) {
				return BenefitViews.forbidden(model, response);
			}
			throw e;
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zengin-" + batchId + ".txt\"").body(file.toByteArray());
	}

	private List<BatchRow> batches(String code, String programmeId, Locale locale) {
		boolean mayDownload = BenefitViews.may(BenefitViews.ZENGIN_READERS);
		boolean maySend = BenefitViews.may(Role.MUNICIPAL_OFFICIAL);
		String base = BenefitViews.base(code, programmeId);
		return payments.batches(code, programmeId).stream().map((BatchSummary b) -> new BatchRow(b.id(),
				BenefitViews.date(b.transferDate(), locale), BenefitViews.count(b.count()), BenefitViews.yen(b.total(), locale),
				messages.getMessage("benefits.batch.state." + b.state().code(), null, b.state().code(), locale),
				mayDownload ? base + "/batches/" + b.id() + "/zengin" : null,
				maySend && b.state() == BatchState.PREPARED && b.fileGenerated() ? base + "/batches/" + b.id() + "/send" : null,
				mayDownload && b.state() == BatchState.PREPARED ? base + "/batches/" + b.id() + "/cancel" : null))
			.toList();
	}

	private List<Figure> figures(Reconciliation r, Locale locale) {
		return List.of(figure("eligible-households", r.eligibleHouseholds(), locale), figure("eligible-persons", r.eligiblePersons(), locale),
				figure("applications-mail", r.applications().mail(), locale), figure("applications-online", r.applications().online(), locale),
				figure("duplicates-held", r.duplicatesHeld(), locale), figure("deficiencies-open", r.deficienciesOpen(), locale),
				figure("in-check", r.inCheck(), locale), figure("approved", r.approved(), locale),
				figure("paid-count", r.paidCount(), locale), money("paid-amount", r.paidAmount(), locale),
				figure("returned-count", r.returnedCount(), locale), money("returned-amount", r.returnedAmount(), locale),
				figure("returned-open", r.returnedOpen(), locale), figure("declined-persons", r.declinedPersons(), locale),
				figure("not-applied", r.notApplied(), locale));
	}

	private Figure figure(String id, long value, Locale locale) {
		return new Figure(id, messages.getMessage("benefits.figure." + id, null, locale), BenefitViews.count(value));
	}

	private Figure money(String id, long value, Locale locale) {
		return new Figure(id, messages.getMessage("benefits.figure." + id, null, locale), BenefitViews.yen(value, locale));
	}

	/** An equation of the report in the page's language; its two sides in yen where it compares money. */
	private CheckRow check(Reconciliation.Check check, Locale locale) {
		String key = check.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
		boolean money = check.name().startsWith("yen");
		return new CheckRow(messages.getMessage("benefits.check." + key, null, check.name(), locale),
				money ? BenefitViews.yen(check.left(), locale) : BenefitViews.count(check.left()),
				money ? BenefitViews.yen(check.right(), locale) : BenefitViews.count(check.right()), check.holds());
	}

	private static String period(Programme p, Locale locale) {
		return BenefitViews.date(p.applicationStart(), locale) + " – " + BenefitViews.date(p.applicationEnd(), locale);
	}
}
