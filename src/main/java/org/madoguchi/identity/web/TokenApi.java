package org.madoguchi.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.madoguchi.identity.ApiTokens;
import org.madoguchi.identity.SignIn;
import org.madoguchi.identity.StaffUser;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Trades a password (and a one-time code where the roles need one) for an API token. */
@RestController
class TokenApi {

	private final SignIn signIn;
	private final ApiTokens tokens;

	TokenApi(SignIn signIn, ApiTokens tokens) {
		this.signIn = signIn;
		this.tokens = tokens;
	}

	record TokenRequest(String username, String password, String totp) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	record Me(String username, String displayName, String organization, List<String> roles, List<String> municipalities) {
	}

	@PostMapping("/api/v1/tokens")
	ResponseEntity<TokenResponse> issue(@RequestBody TokenRequest request) {
		var problems = new InvalidInput.Collector();
		if (request.username() == null || request.username().isBlank()) {
			problems.add("username", "required");
		}
		if (request.password() == null || request.password().isEmpty()) {
			problems.add("password", "required");
		}
		problems.throwIfAny();
		var attempt = signIn.password(request.username(), request.password());
		StaffUser user = switch (attempt.outcome()) {
			case LOCKED -> throw new Conflict(423, "username", "locked");
			case REJECTED -> throw new Conflict(401, "password", "bad_credentials");
			case ACCEPTED -> attempt.user();
		};
		if (user.needsSecondFactor()) {
			if (!user.totpEnrolled()) {
				throw new Conflict(401, "totp", "totp_enrolment_required");
			}
			if (request.totp() == null || request.totp().isBlank()) {
				throw new Conflict(401, "totp", "totp_required");
			}
			switch (signIn.secondFactor(user, request.totp())) {
				case LOCKED -> throw new Conflict(423, "username", "locked");
				case REJECTED -> throw new Conflict(401, "totp", "bad_totp");
				case ACCEPTED -> {
				}
			}
		} else {
			signIn.completedWithoutSecondFactor(user);
		}
		var issued = tokens.issue(user);
		return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(issued.token(), issued.expiresAt()));
	}

	@GetMapping("/api/v1/me")
	Me me() {
		var user = (StaffUser) Caller.current().orElseThrow();
		return new Me(user.username(), user.displayName(), user.organization().name().toLowerCase(java.util.Locale.ROOT),
				sorted(user.roles()), sorted(user.municipalities()));
	}

	private static List<String> sorted(Set<String> values) {
		return List.copyOf(new TreeSet<>(values));
	}
}
