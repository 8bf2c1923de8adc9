package org.madoguchi.benefits.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.BenefitPayments;
import org.madoguchi.benefits.Reconciliation;
import org.madoguchi.benefits.Reconciliations;
import org.madoguchi.payments.BatchSummary;
import org.madoguchi.payments.ResultImport;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.csv.CsvEncoding;
import org.madoguchi.platform.web.CsvUpload;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payment batches, their Zengin files, the bank's results and the reconciliation report of a programme; {code}
 * is checked by the platform's tenant guard, roles by {@link BenefitPayments}.
 */
@RestController
class BenefitPaymentApi {

	private static final String BASE = "/api/v1/municipalities/{code}/benefit-programmes/{id}";

	private final BenefitPayments payments;
	private final Reconciliations reconciliations;

	BenefitPaymentApi(BenefitPayments payments, Reconciliations reconciliations) {
		this.payments = payments;
		this.reconciliations = reconciliations;
	}

	record BatchRequest(LocalDate transferDate) {
	}

	record BatchView(long id, LocalDate transferDate, int count, long total, String state, boolean fileGenerated) {

		static BatchView of(BatchSummary batch) {
			return new BatchView(batch.id(), batch.transferDate(), batch.count(), batch.total(), batch.state().code(), batch.fileGenerated());
		}
	}

	record ResultReport(int rows, int returned, boolean alreadyImported, List<ResultImport.Rejected> rejected) {
	}

	@PostMapping(BASE + "/payment-batches")
	ResponseEntity<BatchView> prepare(@PathVariable String code, @PathVariable String id, @RequestBody BatchRequest request) {
		if (request == null || request.transferDate() == null) {
			throw new InvalidInput("transferDate", "required");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(BatchView.of(payments.prepare(code, id, request.transferDate())));
	}

	@GetMapping(BASE + "/payment-batches")
	List<BatchView> batches(@PathVariable String code, @PathVariable String id) {
		return payments.batches(code, id).stream().map(BatchView::of).toList();
	}

	@GetMapping(BASE + "/payment-batches/{batchId}/zengin")
	void zengin(@PathVariable String code, @PathVariable String id, @PathVariable long batchId, HttpServletResponse response)
			throws IOException {
		response.setContentType("application/octet-stream");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zengin-" + batchId + ".txt\"");
		var file = new java.io.ByteArrayOutputStream();
		// written whole before answering, so a failure is a clean error and never half a file at the bank
		payments.writeZengin(code, id, batchId, file);
		response.setContentLength(file.size());
		file.writeTo(response.getOutputStream());
	}

	@PostMapping(BASE + "/payment-batches/{batchId}:send")
	BatchView send(@PathVariable String code, @PathVariable String id, @PathVariable long batchId) {
		return BatchView.of(payments.markSent(code, id, batchId));
	}

	@PostMapping(BASE + "/payment-batches/{batchId}:cancel")
	BatchView cancel(@PathVariable String code, @PathVariable String id, @PathVariable long batchId) {
		return BatchView.of(payments.cancel(code, id, batchId));
	}

	@PostMapping(BASE + "/bank-results:import")
	ResultReport bankResults(@PathVariable String code, @PathVariable String id, @RequestParam(required = false) String encoding,
			HttpServletRequest request) throws IOException {
		CsvUpload.requireCsv(request.getContentType());
		var result = payments.importBankResults(code, id, request.getInputStream(), CsvEncoding.named(encoding));
		return new ResultReport(result.rows(), result.returned(), result.alreadyImported(), result.rejected());
	}

	@GetMapping(path = BASE + "/reconciliation", produces = "application/json")
	Reconciliation reconciliation(@PathVariable String code, @PathVariable String id) {
		return reconciliations.of(code, id);
	}

	@GetMapping(path = BASE + "/reconciliation.csv")
	void reconciliationCsv(@PathVariable String code, @PathVariable String id, HttpServletResponse response) throws IOException {
		ReconciliationCsv.answer(reconciliations.of(code, id), id, response);
	}
}
