package org.madoguchi.audit.web;

import java.util.LinkedHashMap;
import java.util.List;

import org.madoguchi.audit.AuditLog;
import org.madoguchi.audit.AuditPage;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.TenantScope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The auditor's page: the entries of one municipality in scope, filtered by a GET form, and a button that
 * verifies the chain. With htmx the verification answers only its result fragment; without script the
 * form posts normally and the whole page comes back with the result in place.
 */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditLogPage {

	private final AuditLog log;
	private final AuditTrail trail;

	AuditLogPage(AuditLog log, AuditTrail trail) {
		this.log = log;
		this.trail = trail;
	}

	@GetMapping("/audit")
	String show(@RequestParam(required = false) String municipality, LogRequest request, Model model) {
		var municipalities = TenantScope.current().stream().sorted().toList();
		String chosen = municipalities.contains(municipality) ? municipality
				: municipalities.isEmpty() ? null : municipalities.getFirst();
		model.addAttribute("municipalities", municipalities);
		model.addAttribute("municipality", chosen);
		model.addAttribute("request", request);
		model.addAttribute("zone", LogRequest.JAPAN);
		model.addAttribute("sizes", List.of(LogRequest.DEFAULT_SIZE, 100, AuditLog.MAX_PAGE_SIZE));
		if (chosen == null) {
			return "audit/log";
		}
		try {
			var query = request.parse();
			var page = log.find(chosen, query.filter(), query.page(), query.size());
			model.addAttribute("page", page);
			model.addAttribute("pageNumber", query.page());
			model.addAttribute("pageCount", Math.max(1, (page.total() + query.size() - 1) / query.size()));
			model.addAttribute("size", query.size());
			if (query.page() > 0) {
				model.addAttribute("previous", link(chosen, request, query.page() - 1));
			}
			if ((long) (query.page() + 1) * query.size() < page.total()) {
				model.addAttribute("next", link(chosen, request, query.page() + 1));
			}
		} catch (InvalidInput e) {
			model.addAttribute("problems", e.problems());
			model.addAttribute("page", new AuditPage(0, List.of()));
		}
		return "audit/log";
	}

	@PostMapping("/audit/verify")
	String verify(@RequestParam(required = false) String municipality,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String chosen = TenantScope.current().contains(municipality) ? municipality
				: TenantScope.current().stream().sorted().findFirst().orElse(null);
		if (chosen != null) {
			model.addAttribute("check", trail.verify(chosen));
			model.addAttribute("checked", chosen);
		}
		if ("true".equals(htmx)) {
			return "audit/log :: check";
		}
		return show(chosen, LogRequest.empty(), model);
	}

	/** Keeps the filters while paging, leaving out the empty ones; values are encoded strictly ('+', '&'). */
	private static String link(String municipality, LogRequest request, int page) {
		var values = new LinkedHashMap<String, String>();
		values.put("municipality", municipality);
		values.put("from", request.from());
		values.put("to", request.to());
		values.put("actor", request.actor());
		values.put("action", request.action());
		values.put("subjectType", request.subjectType());
		values.put("subjectId", request.subjectId());
		values.put("size", request.size());
		values.put("page", Integer.toString(page));
		values.values().removeIf(value -> value == null || value.isBlank());
		var uri = UriComponentsBuilder.fromPath("/audit");
		values.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
		return uri.encode().buildAndExpand(values).toUriString();
	}
}
