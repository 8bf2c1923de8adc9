package org.madoguchi.benefits;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.madoguchi.Api;

/** A cookie-keeping client signed in through the login form (with the demo second factor when asked), reading pages. */
final class StaffPages {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	private final int port;

	StaffPages(int port, String username) throws IOException, InterruptedException {
		this.port = port;
		var signedIn = post("/login", "username=" + username + "&password=" + Api.DEMO_PASSWORD, csrf(get("/login")));
		if (signedIn.headers().firstValue("Location").orElse("").contains("second-factor")) {
			post("/login/second-factor", "code=" + Api.demoCode(username), csrf(get("/login/second-factor")));
		}
	}

	String get(String path) throws IOException, InterruptedException {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept-Language", "ja").build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response.body();
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
