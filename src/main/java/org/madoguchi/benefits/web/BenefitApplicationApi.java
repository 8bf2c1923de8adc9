package org.madoguchi.benefits.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.ApplicationCursor;
import org.madoguchi.benefits.Approvals;
import org.madoguchi.benefits.BenefitApplications;
import org.madoguchi.benefits.Corrections;
import org.madoguchi.benefits.ListPosition;
import org.madoguchi.benefits.SuspectedDuplicates;
import org.madoguchi.benefits.PrintedForms;
import org.madoguchi.platform.web.ApiErrorBody;
import org.madoguchi.platform.web.CsvUpload;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forms out, applications in, the city's approval; {code} is checked by the platform's tenant guard. The
 * operator's back office imports the scanning vendor's file; only a municipal official approves.
 */
@RestController
class BenefitApplicationApi {

	private final BenefitApplications applications;
	private final Approvals approvals;
	private final PrintedForms forms;
	private final Corrections corrections;
	private final SuspectedDuplicates duplicates;
	private final MessageSource messages;

	BenefitApplicationApi(BenefitApplications applications, Approvals approvals, PrintedForms forms, Corrections corrections,
			SuspectedDuplicates duplicates, MessageSource messages) {
		this.duplicates = duplicates;
		this.applications = applications;
		this.approvals = approvals;
		this.forms = forms;
		this.corrections = corrections;
		this.messages = messages;
	}

	record Report(int accepted, int created, Map<String, Integer> statuses, List<Rejected> rejected) {
	}

	record Rejected(int line, List<ApiErrorBody.Error> errors) {
	}

	@GetMapping(path = "/api/v1/municipalities/{code}/benefit-programmes/{id}/forms.csv")
	@PreAuthorize("hasAnyRole('ADMIN','OPERATOR_SUPERVISOR','MUNICIPAL_OFFICIAL')")
	void formsCsv(@PathVariable String code, @PathVariable String id, HttpServletResponse response) throws IOException {
		// written straight to the response: an asynchronous StreamingResponseBody would run outside the caller's security context
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"forms-" + id + ".csv\"");
		forms.writeCsv(code, id, response.getOutputStream());
	}

	@PostMapping("/api/v1/municipalities/{code}/benefit-programmes/{id}/applications:import")
	@PreAuthorize("hasAnyRole('OPERATOR_CLERK','OPERATOR_CHECKER','OPERATOR_SUPERVISOR','ADMIN')")
	Report importMailed(@PathVariable String code, @PathVariable String id, @RequestParam(required = false) String encoding,
			HttpServletRequest request) throws IOException {
		CsvUpload.requireCsv(request.getContentType());
		var result = applications.importMailed(code, id, encoding, request.getInputStream());
		Locale locale = LocaleContextHolder.getLocale();
		return new Report(result.accepted(), result.created(), result.statuses(), result.rejected().stream()
			.map(r -> new Rejected(r.line(), r.errors().stream().map(p -> ApiErrorBody.Error.of(p, messages, locale)).toList())).toList());
	}

	@GetMapping("/api/v1/municipalities/{code}/benefit-programmes/{id}/approvals")
	Approvals.Batch pendingApproval(@PathVariable String code, @PathVariable String id) {
		return approvals.pending(code, id);
	}

	@PostMapping("/api/v1/municipalities/{code}/benefit-programmes/{id}/approvals")
	@PreAuthorize("hasRole('MUNICIPAL_OFFICIAL')")
	Approvals.Batch approve(@PathVariable String code, @PathVariable String id,
			@RequestBody(required = false) Approvals.Batch expected) {
		return approvals.approveAll(code, id, expected);
	}

	record CorrectionResult(String status) {
	}

	/** The back office keys the account the resident sent after a deficiency or a returned transfer. */
	@PostMapping("/api/v1/municipalities/{code}/benefit-programmes/{id}/applications/{applicationNumber}/account")
	@PreAuthorize("hasAnyRole('OPERATOR_CLERK','OPERATOR_CHECKER','OPERATOR_SUPERVISOR')")
	CorrectionResult correctAccount(@PathVariable String code, @PathVariable String id, @PathVariable String applicationNumber,
			@RequestBody Corrections.NewAccount account) {
		return new CorrectionResult(corrections.correctAccount(code, id, applicationNumber, account));
	}

	/** {@code next} is the {@code after} that reads the following page; null on the last page. */
	record HeldApplications(long total, List<SuspectedDuplicates.Held> items, String next) {
	}

	/** Oldest first, {@code size} (at most 100) at a time, as the duplicates page lists them. */
	@GetMapping("/api/v1/municipalities/{code}/benefit-programmes/{id}/duplicates")
	@PreAuthorize("hasAnyRole('OPERATOR_CHECKER','OPERATOR_SUPERVISOR','MUNICIPAL_OFFICIAL','AUDITOR')")
	HeldApplications duplicates(@PathVariable String code, @PathVariable String id, @RequestParam(required = false) String after,
			@RequestParam(required = false) String size) {
		var position = ListPosition.of(after, null, size);
		var page = duplicates.held(code, id, position.after(), position.size());
		return new HeldApplications(page.total(), page.items(), page.next().map(ApplicationCursor::toString).orElse(null));
	}

	record DuplicateDecision(String decision, String reason) {
	}

	/** A checker refuses a suspected duplicate, or lets it replace a live application that was the mistake. */
	@PostMapping("/api/v1/municipalities/{code}/benefit-programmes/{id}/duplicates/{applicationId}")
	CorrectionResult decideDuplicate(@PathVariable String code, @PathVariable String id, @PathVariable long applicationId,
			@RequestBody DuplicateDecision decision) {
		return new CorrectionResult(duplicates.decide(code, id, applicationId, decision.decision(), decision.reason()));
	}

	/** With the programme's manual check on, a checker confirms each application that passed the automatic checks. */
	@PostMapping("/api/v1/municipalities/{code}/benefit-programmes/{id}/applications/{applicationNumber}/check")
	CorrectionResult confirmChecked(@PathVariable String code, @PathVariable String id, @PathVariable String applicationNumber) {
		return new CorrectionResult(corrections.confirmChecked(code, id, applicationNumber));
	}

}
