package org.madoguchi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.madoguchi.identity.Totp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the running app's API over real HTTP as a demo user. Tokens are cached per user for the JVM:
 * a one-time code is accepted once, so asking for a second token in the same 30 seconds would fail.
 */
public final class Api {

	public static final String DEMO_PASSWORD = "madoguchi-demo";
	public static final String DEMO_TOTP_SECRET = "MADOGUCHIDEMOKEY";
	private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
	private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();
	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();
	private final String base;

	public Api(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public record Response(int status, String body) {
		public JsonNode json() {
			return JSON.readTree(body);
		}

		/** The first error's field path and code, e.g. "password:bad_credentials". */
		public String firstError() {
			var error = json().get("errors").get(0);
			return error.get("path").asString() + ":" + error.get("code").asString();
		}
	}

	/** A one-time code for the demo secret that this JVM has not used yet. */
	public static synchronized String demoCode(String username) {
		long step = Math.max(Totp.stepAt(Instant.now()), LAST_STEP.getOrDefault(username, 0L) + 1);
		LAST_STEP.put(username, step);
		return Totp.code(Totp.fromBase32(DEMO_TOTP_SECRET), step);
	}

	public String token(String username) {
		return TOKENS.computeIfAbsent(username, u -> {
			var body = Map.of("username", u, "password", DEMO_PASSWORD, "totp", demoCode(u));
			var response = post("/api/v1/tokens", null, JSON.writeValueAsString(body));
			if (response.status() != 201) {
				throw new IllegalStateException("no token for " + u + ": " + response);
			}
			return response.json().get("token").asString();
		});
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null, "ja");
	}

	public Response post(String path, String token, String json) {
		return send("POST", path, token, json, "ja");
	}

	public Response send(String method, String path, String token, String json, String language) {
		return send(method, path, token, json, language, Map.of());
	}

	public Response send(String method, String path, String token, String json, String language, Map<String, String> headers) {
		var request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language)
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		try {
			var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The body as bytes, for what is not text (a letter's PDF); fails unless the answer is 200. */
	public byte[] download(String path, String token) {
		var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build();
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			return response.body();
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}
}
