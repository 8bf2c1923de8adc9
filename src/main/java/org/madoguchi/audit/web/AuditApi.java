package org.madoguchi.audit.web;

import org.madoguchi.audit.AuditLog;
import org.madoguchi.audit.AuditPage;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.audit.ChainCheck;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The audit trail over the API, for auditors only. The platform's tenant guard has already checked that
 * the caller works for {code} (404 otherwise) and scoped the request to it.
 */
@RestController
@RequestMapping("/api/v1/municipalities/{code}/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditApi {

	private final AuditTrail trail;
	private final AuditLog log;

	AuditApi(AuditTrail trail, AuditLog log) {
		this.trail = trail;
		this.log = log;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Verification(boolean valid, long entries, Long firstBrokenEntry) {

		static Verification of(ChainCheck check) {
			return new Verification(check.valid(), check.entries(), check.firstBrokenEntry());
		}
	}

	@GetMapping("/verify")
	Verification verify(@PathVariable String code) {
		return Verification.of(trail.verify(code));
	}

	/** Newest first; see {@link LogRequest} for the parameters. */
	@GetMapping
	AuditPage list(@PathVariable String code, LogRequest request) {
		var query = request.parse();
		return log.find(code, query.filter(), query.page(), query.size());
	}
}
