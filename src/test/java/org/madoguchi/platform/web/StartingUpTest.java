package org.madoguchi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Until the application is ready (its start-up work done), every page and API call answers 503 "starting"
 * with a Retry-After, not a half-made answer such as a status look-up's "not found"; the health endpoint
 * answers throughout. The test declares the running application not ready, as Spring Boot does before its
 * start-up work and on shutdown, and ready again.
 */
@MadoguchiTest
class StartingUpTest {

	private static final String STATUS = "/api/v1/portal/status?municipality=281000&application=1000000018&birthDate=1951-08-09";

	@LocalServerPort
	int port;
	@Autowired
	ApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void whileNotReadyEveryRequestIsToldToComeBackAndNothingIsCounted() throws Exception {
		var before = get(STATUS, "en");
		AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
		try {
			var api = get(STATUS, "en");
			assertThat(api.statusCode()).isEqualTo(503);
			assertThat(api.headers().firstValue("Retry-After")).hasValue(StartingUp.RETRY_AFTER_SECONDS);
			var error = Api.JSON.readTree(api.body()).get("errors").get(0);
			assertThat(error.get("code").asString()).isEqualTo("starting");
			assertThat(error.get("message").asString()).contains("starting");

			var page = get("/portal/status", "ja");
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
			assertThat(page.body()).contains("起動中");

			assertThat(get("/login", "ja").statusCode()).isEqualTo(503);
			for (int wrong = 0; wrong < 6; wrong++) {
				assertThat(get(STATUS.replace("1951-08-09", "1951-08-10"), "en").statusCode()).isEqualTo(503);
			}
			assertThat(get("/actuator/health", "en").statusCode()).as("watched while starting").isEqualTo(200);
		} finally {
			AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
		}
		var after = get(STATUS, "en");
		assertThat(after.statusCode()).as("ready again, the same answer as before: the six wrong tries meanwhile locked nothing").isEqualTo(before.statusCode()).isNotEqualTo(503);
		assertThat(get("/login", "ja").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String language) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept-Language", language)
			.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
	}
}
