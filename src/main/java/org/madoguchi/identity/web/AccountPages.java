package org.madoguchi.identity.web;

import java.util.Arrays;
import java.util.List;

import org.madoguchi.identity.NewAccount;
import org.madoguchi.identity.StaffAccounts;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's account list and creation form; the same rules as the API apply. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccountPages {

	private final StaffAccounts accounts;

	AccountPages(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/admin/accounts")
	String list(Model model) {
		model.addAttribute("accounts", accounts.inMunicipalities(Caller.current().orElseThrow().municipalities()));
		model.addAttribute("allRoles", Arrays.stream(Role.values()).map(Role::name).toList());
		return "identity/accounts";
	}

	@PostMapping("/admin/accounts")
	String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
			@RequestParam String organization, @RequestParam(required = false) List<String> roles,
			@RequestParam(required = false) List<String> municipalities, RedirectAttributes redirect) {
		try {
			accounts.create(new NewAccount(username, password, displayName, organization, roles, municipalities),
					Caller.current().orElseThrow());
			redirect.addFlashAttribute("created", username);
		} catch (InvalidInput e) {
			redirect.addFlashAttribute("problems", e.problems());
		} catch (Conflict e) {
			redirect.addFlashAttribute("problems", List.of(e.problem()));
		}
		return "redirect:/admin/accounts";
	}
}
