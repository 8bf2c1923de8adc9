package org.madoguchi.portal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.madoguchi.benefits.ApplicationStatus;
import org.madoguchi.benefits.CorrectionForm;
import org.madoguchi.benefits.OnlineCorrections;
import org.madoguchi.benefits.OnlineApplications;
import org.madoguchi.benefits.OnlineForm;
import org.madoguchi.benefits.ResidentStatus;
import org.madoguchi.platform.Conflict;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The portal's JSON: the status look-up of the contract, the online application and the head's
 * correction of the account. No token: all are public, every call spends one look-up of the client's allowance ({@link ClientRateLimit}), and the
 * benefits module decides what the application number and birth date open.
 */
@RestController
class PortalApi {

	private final ApplicationStatus statuses;
	private final OnlineApplications applications;
	private final OnlineCorrections corrections;
	private final ClientRateLimit limit;
	private final PortalText text;

	PortalApi(ApplicationStatus statuses, OnlineApplications applications, OnlineCorrections corrections, ClientRateLimit limit,
			PortalText text) {
		this.statuses = statuses;
		this.applications = applications;
		this.corrections = corrections;
		this.limit = limit;
		this.text = text;
	}

	/** {@code corrections} only for correction-needed, {@code transferDate} only for paid. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Answer(String status, String message, List<Correction> corrections, LocalDate transferDate) {
	}

	record Correction(String path, String code, String message) {
	}

	record ApplicationRequest(String municipality, String programmeId, String application, String birthDate, String bankCode,
			String branchCode, String accountType, String accountNumber, String accountHolderKana, String phone,
			List<String> declinedResidentIds) {
	}

	record CorrectionRequest(String municipality, String application, String birthDate, String bankCode, String branchCode,
			String accountType, String accountNumber, String accountHolderKana) {
	}

	@GetMapping("/api/v1/portal/status")
	Answer status(@RequestParam(required = false) String municipality, @RequestParam(required = false) String application,
			@RequestParam(required = false) String birthDate, HttpServletRequest request) {
		spend(request);
		return answer(statuses.lookup(municipality, application, birthDate));
	}

	/** 201 with the status of the new application; 200 with the current one for a retried Idempotency-Key. */
	@PostMapping("/api/v1/portal/applications")
	ResponseEntity<Answer> apply(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody(required = false) ApplicationRequest body, HttpServletRequest request) {
		spend(request);
		var b = body == null ? new ApplicationRequest(null, null, null, null, null, null, null, null, null, null, null) : body;
		var applied = applications.apply(new OnlineForm(b.municipality(), b.programmeId(), b.application(), b.birthDate(), b.bankCode(),
				b.branchCode(), b.accountType(), b.accountNumber(), b.accountHolderKana(), b.phone(), b.declinedResidentIds(), key));
		return ResponseEntity.status(applied.created() ? HttpStatus.CREATED : HttpStatus.OK).body(answer(applied.status()));
	}

	/**
	 * 200 with the status after the correction, and the same for a retried Idempotency-Key (nothing changes
	 * twice); 409 when there is nothing another account would correct.
	 */
	@PostMapping("/api/v1/portal/corrections")
	Answer correct(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody(required = false) CorrectionRequest body, HttpServletRequest request) {
		spend(request);
		var b = body == null ? new CorrectionRequest(null, null, null, null, null, null, null, null) : body;
		return answer(corrections.correct(new CorrectionForm(b.municipality(), b.application(), b.birthDate(), b.bankCode(),
				b.branchCode(), b.accountType(), b.accountNumber(), b.accountHolderKana(), key)).status());
	}

	private void spend(HttpServletRequest request) {
		if (!limit.tryTake(request.getRemoteAddr())) {
			throw new Conflict(429, "client", "rate_limited");
		}
	}

	private Answer answer(ResidentStatus status) {
		Locale locale = LocaleContextHolder.getLocale();
		var corrections = status.status().equals(ResidentStatus.CORRECTION_NEEDED) ? status.corrections().stream()
			.map(c -> new Correction(c.path(), c.code(), text.correction(c, locale))).toList() : null;
		return new Answer(status.status(), text.status(status, locale), corrections, status.transferDate());
	}
}
