package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Oversized and unprintable input at intake: a 4xx in the API's error shape saying what is wrong, in the
 * caller's language, and no case opened.
 */
@MadoguchiTest
class CaseIntakeLimitsTest {

	private static final String KOBE = "281000";
	private static final String CASES = "/api/v1/municipalities/" + KOBE + "/cases";
	private static final int TEN_MEGABYTES = 10 << 20;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient db;

	private long cases() {
		try (var scope = TenantScope.open(KOBE)) {
			return db.sql("select count(*) from case_file where tenant_id = ?").param(KOBE).query(Long.class).single();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> formWith(String purpose, String name) {
		var form = new HashMap<>(MailedRequestLifecycleTest.form(1));
		var certificate = new HashMap<>((Map<String, Object>) form.get("certificate"));
		certificate.put("purpose", purpose);
		form.put("certificate", certificate);
		var requester = new HashMap<>((Map<String, Object>) form.get("requester"));
		requester.put("name", name);
		form.put("requester", requester);
		return form;
	}

	private static String body(Map<String, Object> data) {
		return Api.json(Map.of("procedure", "resident-certificate-by-mail", "channel", "online", "data", data));
	}

	private Api.Response intake(Api api, String key, String body, String language) {
		return api.send("POST", CASES, api.token("kobe-clerk"), body, language, Map.of("Idempotency-Key", key));
	}

	@Test
	void aTenMegabyteTextFieldIsRefusedAsTooLargeBeforeItIsRead() {
		var api = new Api(port);
		long before = cases();

		var response = intake(api, "huge-" + System.nanoTime(), body(formWith("x".repeat(TEN_MEGABYTES), "髙橋 花子")), "en");

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("status").asInt()).isEqualTo(413);
		assertThat(response.firstError()).isEqualTo("body:too_large");
		assertThat(response.json().at("/errors/0/message").asString()).isEqualTo("The body is too large (at most 1 MB).");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aBodySentWithoutALengthIsCutOffAtTheLimit() throws Exception {
		var api = new Api(port);
		long before = cases();
		// a body from a stream goes out in chunks, with no Content-Length to refuse it by. Half a megabyte over the
		// limit: the server stops reading at the limit and answers; Tomcat reads on through at most 2 MB of what is left
		// so that the client can finish sending and read the answer (beyond that it closes the connection instead)
		byte[] bytes = body(formWith("x".repeat(1_500_000), "髙橋 花子")).getBytes(StandardCharsets.UTF_8);
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CASES))
			.header("Authorization", "Bearer " + api.token("kobe-clerk")).header("Content-Type", "application/json")
			.header("Accept-Language", "ja").header("Idempotency-Key", "chunked-" + System.nanoTime())
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();

		var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		var error = Api.JSON.readTree(response.body()).get("errors").get(0);
		assertThat(error.get("path").asString() + ":" + error.get("code").asString()).isEqualTo("body:too_large");
		assertThat(error.get("message").asString()).isEqualTo("本文が大きすぎます（上限 1 MB）。");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void aLongTextFieldWithinTheBodyLimitIsRefusedByItsFieldPath() {
		var api = new Api(port);
		long before = cases();

		var response = intake(api, "long-" + System.nanoTime(), body(formWith("勤".repeat(100_000), "髙橋 花子")), "en");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.firstError()).isEqualTo("data.certificate.purpose:too_long");
		assertThat(response.json().at("/errors/0/message").asString()).isEqualTo("Enter at most 200 characters.");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void controlCharactersInATextFieldAreRefusedByItsFieldPathAndNothingIsKept() {
		var api = new Api(port);
		long before = cases();
		String key = "control-" + System.nanoTime();

		var response = intake(api, key, body(formWith("勤務先への提出", "髙橋\u0000花子\u001b[2J")), "ja");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.firstError()).isEqualTo("data.requester.name:control_characters");
		assertThat(response.json().at("/errors/0/message").asString()).isEqualTo("制御文字は使用できません。");
		assertThat(cases()).isEqualTo(before);
		// the key was not used up by the refused request
		assertThat(intake(api, key, body(formWith("勤務先への提出", "髙橋 花子")), "ja").status()).isEqualTo(201);
		assertThat(cases()).isEqualTo(before + 1);
	}
}
