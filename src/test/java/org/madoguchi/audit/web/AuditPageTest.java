package org.madoguchi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The auditor's page as a browser without script sees it, plus the htmx request its button makes. */
@MadoguchiTest
class AuditPageTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail trail;

	@Test
	void an_auditor_sees_the_entries_in_a_table_and_verifies_the_chain() throws Exception {
		try (var scope = TenantScope.open("281000")) {
			trail.record(AuditEvent.of("281000", "case.decided", "case", "PAGE-1").because("ページ表示の確認"));
		}
		var browser = new Browser("auditor");

		var page = browser.get("/audit?subjectId=PAGE-1");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<th scope=\"col\">", "ページ表示の確認", "hx-post=\"/audit/verify\"",
				"<label for=\"actor\">");

		var check = browser.post("/audit/verify", "municipality=281000", csrf(page.body()), true);
		assertThat(check.statusCode()).isEqualTo(200);
		assertThat(check.body()).contains("class=\"valid\"").doesNotContain("<html");

		browser.get("/audit?lang=en");
		var english = browser.get("/audit?from=2026-02-30");
		assertThat(english.body()).contains("Audit log", "<a href=\"#from\">From</a>", "The format is not valid.");
	}

	@Test
	void staff_who_are_not_auditors_cannot_open_the_page() throws Exception {
		var browser = new Browser("kobe-clerk");

		assertThat(browser.get("/audit").statusCode()).isEqualTo(403);
	}

	private static String csrf(String html) {
		var matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	/** A cookie-keeping client signed in through the login form, as a person would be. */
	private final class Browser {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		Browser(String username) throws Exception {
			String token = csrf(get("/login").body());
			var signedIn = post("/login", "username=" + username + "&password=" + Api.DEMO_PASSWORD, token, false);
			if (signedIn.headers().firstValue("Location").orElse("").contains("second-factor")) {
				post("/login/second-factor", "code=" + Api.demoCode(username), csrf(get("/login/second-factor").body()), false);
			}
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form, String csrf, boolean htmx) throws IOException, InterruptedException {
			var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)));
			if (htmx) {
				request.header("HX-Request", "true");
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
