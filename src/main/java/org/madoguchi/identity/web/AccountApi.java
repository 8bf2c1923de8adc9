package org.madoguchi.identity.web;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.madoguchi.identity.NewAccount;
import org.madoguchi.identity.StaffAccounts;
import org.madoguchi.identity.StaffUser;
import org.madoguchi.platform.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators create and list the accounts of the municipalities they serve. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AccountApi {

	private final StaffAccounts accounts;

	AccountApi(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	record AccountView(String username, String displayName, String organization, List<String> roles,
			List<String> municipalities, boolean secondFactorRequired, boolean secondFactorEnrolled) {
		static AccountView of(StaffUser user) {
			return new AccountView(user.username(), user.displayName(), user.organization().name().toLowerCase(Locale.ROOT),
					List.copyOf(new TreeSet<>(user.roles())), List.copyOf(new TreeSet<>(user.municipalities())),
					user.needsSecondFactor(), user.totpEnrolled());
		}
	}

	@PostMapping("/api/v1/admin/accounts")
	ResponseEntity<AccountView> create(@RequestBody NewAccount request) {
		var created = accounts.create(request, Caller.current().orElseThrow());
		return ResponseEntity.status(HttpStatus.CREATED).body(AccountView.of(created));
	}

	@GetMapping("/api/v1/admin/accounts")
	List<AccountView> list() {
		return accounts.inMunicipalities(Caller.current().orElseThrow().municipalities()).stream().map(AccountView::of).toList();
	}
}
