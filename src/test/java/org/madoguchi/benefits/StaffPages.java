package org.madoguchi.benefits;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.madoguchi.Api;
import org.madoguchi.identity.Totp;

/** A cookie-keeping client signed in through the login form (with the demo second factor when asked), reading pages. */
final class StaffPages {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");
	private static final String PASSWORD = "a long enough passphrase";

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	private final int port;

	StaffPages(int port, String username) throws IOException, InterruptedException {
		this.port = port;
		var signedIn = post("/login", "username=" + username + "&password=" + Api.DEMO_PASSWORD, csrf(get("/login")));
		if (signedIn.headers().firstValue("Location").orElse("").contains("second-factor")) {
			post("/login/second-factor", "code=" + Api.demoCode(username), csrf(get("/login/second-factor")));
		}
	}

	/**
	 * A member of staff of their own, created by the administrator and enrolled in the second factor on the way
	 * in, as a new employee is. Its one-time codes are its own: a demo account's are shared with every other
	 * test of the JVM, and the server takes each 30-second step once and at most one step ahead.
	 */
	static StaffPages newAccount(int port, String username, String organization, String role, String municipality)
			throws IOException, InterruptedException {
		var api = new Api(port);
		var created = api.post("/api/v1/admin/accounts", api.token("admin"), Api.json(Map.of("username", username, "password",
				PASSWORD, "displayName", "給付 担当", "organization", organization, "roles", List.of(role), "municipalities",
				List.of(municipality))));
		if (created.status() != 201) {
			throw new IllegalStateException("account not created: " + created);
		}
		var pages = new StaffPages(port);
		var signedIn = pages.post("/login", "username=" + username + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8),
				csrf(pages.get("/login")));
		String enrol = URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getRawPath();
		String page = pages.get(enrol);
		var secret = SECRET.matcher(page);
		if (!secret.find()) {
			throw new IllegalStateException("no second-factor secret on " + enrol);
		}
		String code = Totp.code(Totp.fromBase32(secret.group(1).replace(" ", "")), Instant.now());
		pages.post("/login/enrol", "code=" + code, csrf(page));
		return pages;
	}

	private StaffPages(int port) {
		this.port = port;
	}

	String get(String path) throws IOException, InterruptedException {
		var response = answer(path);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response.body();
	}

	/** The page with its status, for requests a page may refuse. */
	HttpResponse<String> answer(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept-Language", "ja").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Submits a form of {@code page} to {@code action}, as its button would; answers the page it leads to. */
	String submit(String page, String action, String form) throws IOException, InterruptedException {
		var response = post(action, form, csrf(get(page)));
		String next = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(action + " answered "
				+ response.statusCode()));
		return get(URI.create(next).getRawPath());
	}

	/**
	 * Uploads a file as the form of {@code page} posting to {@code action} would (multipart, the CSRF token in the
	 * address); answers the page it leads to.
	 */
	String upload(String page, String action, String field, String filename, String content) throws IOException, InterruptedException {
		String boundary = "----madoguchi" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + action + "?_csrf="
				+ URLEncoder.encode(csrf(get(page)), StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
		String next = response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(action + " answered "
				+ response.statusCode()));
		return get(URI.create(next).getRawPath());
	}

	private HttpResponse<String> post(String path, String form, String csrf) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String html) {
		var matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return matcher.group(1);
	}
}
