package org.madoguchi.residents.web;

import org.madoguchi.residents.Register;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resident's My Number in clear, as the register keeps it (sealed in the resident's own row). The same
 * rule as the vault's reveal: a role that may see personal data, a second factor, a reason, an audit entry.
 */
@RestController
class ResidentApi {

	record RevealRequest(String reason) {
	}

	record Clear(String residentId, String kind, String value) {

		@Override
		public String toString() {
			return "Clear[" + residentId + " " + kind + "]";
		}
	}

	private final Register register;

	ResidentApi(Register register) {
		this.register = register;
	}

	@PostMapping("/api/v1/municipalities/{code}/residents/{residentId}/my-number:reveal")
	@PreAuthorize("@personalDataAccess.mayReveal(authentication)")
	Clear revealMyNumber(@PathVariable String code, @PathVariable String residentId,
			@RequestBody(required = false) RevealRequest request) {
		return new Clear(residentId, "my-number", register.revealMyNumber(code, residentId, request == null ? null : request.reason()));
	}
}
