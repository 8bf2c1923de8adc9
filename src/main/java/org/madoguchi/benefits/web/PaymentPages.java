package org.madoguchi.benefits.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.BenefitPayments;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.csv.CsvEncoding;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payments from the programme page, the same steps as the API and under the same roles ({@link BenefitPayments}
 * decides): a batch for a transfer date, "sent to the bank" once its Zengin file was taken, and the bank's
 * returned transfers as a CSV file. Each answers on the programme page, with what was done or why not.
 */
@Controller
class PaymentPages {

	private final BenefitPayments payments;
	private final MessageSource messages;

	PaymentPages(BenefitPayments payments, MessageSource messages) {
		this.payments = payments;
		this.messages = messages;
	}

	@PostMapping("/municipalities/{code}/benefits/{programmeId}/batches")
	String prepare(@PathVariable String code, @PathVariable String programmeId, @RequestParam(defaultValue = "") String transferDate,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		return PageStep.answer(messages, BenefitViews.base(code, programmeId) + "#batches", model, response, redirect, () -> {
			LocalDate date;
			try {
				date = LocalDate.parse(transferDate.strip());
			} catch (DateTimeParseException e) {
				throw new InvalidInput("transferDate", transferDate.isBlank() ? "required" : "date");
			}
			var batch = payments.prepare(code, programmeId, date);
			return messages.getMessage("benefits.batches.prepared", new Object[] { batch.id(), BenefitViews.count(batch.count()),
					BenefitViews.yen(batch.total(), locale) }, locale);
		});
	}

	@PostMapping("/municipalities/{code}/benefits/{programmeId}/batches/{batchId}/send")
	String send(@PathVariable String code, @PathVariable String programmeId, @PathVariable long batchId, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		return PageStep.answer(messages, BenefitViews.base(code, programmeId) + "#batches", model, response, redirect, () -> {
			payments.markSent(code, programmeId, batchId);
			return messages.getMessage("benefits.batches.sent", new Object[] { batchId }, locale);
		});
	}

	@PostMapping("/municipalities/{code}/benefits/{programmeId}/batches/{batchId}/cancel")
	String cancel(@PathVariable String code, @PathVariable String programmeId, @PathVariable long batchId, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		return PageStep.answer(messages, BenefitViews.base(code, programmeId) + "#batches", model, response, redirect, () -> {
			var cancelled = payments.cancel(code, programmeId, batchId);
			return messages.getMessage("benefits.batches.cancelled", new Object[] { batchId, BenefitViews.count(cancelled.count()) }, locale);
		});
	}

	@PostMapping("/municipalities/{code}/benefits/{programmeId}/bank-results")
	String bankResults(@PathVariable String code, @PathVariable String programmeId, @RequestParam(required = false) MultipartFile file,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		return PageStep.answer(messages, BenefitViews.base(code, programmeId) + "#batches", model, response, redirect, () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidInput("file", "required");
			}
			try (var in = file.getInputStream()) {
				var result = payments.importBankResults(code, programmeId, in, CsvEncoding.named(null));
				if (!result.rejected().isEmpty()) {
					return messages.getMessage("benefits.results.rejected", new Object[] { result.rejected().size(),
						result.rejected().get(0).line() }, locale);
				}
				return messages.getMessage(result.alreadyImported() ? "benefits.results.again" : "benefits.results.imported",
						new Object[] { result.rows(), result.returned() }, locale);
			} catch (IOException e) {
				throw new InvalidInput("file", "unreadable");
			}
		});
	}
}
