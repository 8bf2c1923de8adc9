package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@MadoguchiTest
class ProcedureApiTest {

	@LocalServerPort
	int port;

	private static final String GRANT = """
			id: %s
			name: {ja: %s, en: Support grant}
			channels: [online, csv]
			form:
			  - {path: applicant.name, type: text, required: true, label: {ja: 氏名}}
			  - {path: payee, type: bank-account, required: true, label: {ja: 振込先}}
			letters:
			  - {id: notice, type: decision-notice, name: {ja: 支給決定通知}}
			workflow:
			  initial: received
			  states:
			    - {id: received, name: {ja: 受付}, queue: check}
			    - {id: paid, name: {ja: 支給決定}, terminal: true}
			  transitions:
			    - {id: decide, from: received, to: paid, kind: decision, roles: [%s], letter: notice}
			""";

	private Api.Response put(String code, String id, String body, String contentType, String user, String language) {
		var api = new Api(port);
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/municipalities/" + code + "/procedures/" + id))
			.header("Authorization", "Bearer " + api.token(user)).header("Accept-Language", language)
			.PUT(HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		try {
			var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.body());
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private JsonNode get(String path, String user) {
		var api = new Api(port);
		var response = api.get(path, api.token(user));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	@Test
	void anAdministratorPublishesAShippedProcedureAsTheNextVersionAndTheFirstStaysFetchable() throws java.io.IOException {
		String base = "/api/v1/municipalities/072079/procedures";
		int before = get(base + "/resident-certificate-by-mail", "admin").get("version").asInt();
		String yaml = new String(getClass().getResourceAsStream("/procedures/resident-certificate-by-mail.yaml").readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8).replace("amount: 300", "amount: 350");
		var published = put("072079", "resident-certificate-by-mail", yaml, "application/yaml", "admin", "ja");
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(published.json().get("id").asString()).isEqualTo("resident-certificate-by-mail");
		assertThat(published.json().get("version").asInt()).isEqualTo(Math.max(before, 1) + 1);
		assertThat(published.json().get("name").get("ja").asString()).isEqualTo("住民票の写し等の郵送請求");

		var listed = get(base, "admin");
		assertThat(listed.valueStream().filter(p -> p.get("id").asString().equals("resident-certificate-by-mail")).findFirst().orElseThrow()
			.get("version").asInt()).isEqualTo(published.json().get("version").asInt());
		assertThat(get(base + "/resident-certificate-by-mail", "admin").at("/fees/0/amount").asInt()).isEqualTo(350);
		var first = get(base + "/resident-certificate-by-mail?version=1", "admin");
		assertThat(first.get("version").asInt()).isEqualTo(1);
		assertThat(first.at("/fees/0/amount").asInt()).isEqualTo(300);
		assertThat(get("/api/v1/municipalities/281000/procedures/resident-certificate-by-mail", "admin").at("/fees/0/amount").asInt())
			.as("another city keeps the shipped version").isEqualTo(300);
	}

	@Test
	void aNewProcedureStartsAtVersionOneAndEachUploadAddsOne() {
		String id = "grant-" + System.nanoTime();
		var first = put("281000", id, GRANT.formatted(id, "支援金", "MUNICIPAL_OFFICIAL"), "text/yaml", "admin", "ja");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("version").asInt()).isEqualTo(1);
		var second = put("281000", id, GRANT.formatted(id, "支援給付金", "MUNICIPAL_OFFICIAL").replace("id: " + id + "\n", ""),
				"application/yaml", "admin", "ja");
		assertThat(second.json().get("version").asInt()).as("the id may come from the URL alone").isEqualTo(2);
		String path = "/api/v1/municipalities/281000/procedures/" + id;
		assertThat(get(path, "kobe-clerk").at("/name/ja").asString()).isEqualTo("支援給付金");
		assertThat(get(path + "?version=1", "kobe-clerk").at("/name/ja").asString()).isEqualTo("支援金");
		var api = new Api(port);
		assertThat(api.get(path + "?version=3", api.token("kobe-clerk")).firstError()).isEqualTo("version:not_found");
		assertThat(api.get("/api/v1/municipalities/271004/procedures/" + id, api.token("admin")).firstError()).isEqualTo("id:not_found");
	}

	@Test
	void aJsonDefinitionIsAcceptedAndTheDefinitionListsItsFlatFields() {
		String id = "grant-json-" + System.nanoTime();
		String json = DefinitionText.read(GRANT.formatted(id, "支援金", "MUNICIPAL_OFFICIAL"), DefinitionText.Format.YAML).toString();
		var published = put("271004", id, json, "application/json", "admin", "ja");
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		var moveIn = get("/api/v1/municipalities/271004/procedures/move-in-notification", "osaka-clerk");
		assertThat(moveIn.get("id").asString()).isEqualTo("move-in-notification");
		var fields = moveIn.get("fields");
		assertThat(fields.valueStream().map(f -> f.get("path").asString())).contains("previousAddress.address", "members", "members[].birthDate");
		var birthDate = fields.valueStream().filter(f -> f.get("path").asString().equals("members[].birthDate")).findFirst().orElseThrow();
		assertThat(birthDate.get("type").asString()).isEqualTo("era-date");
		assertThat(birthDate.get("required").asBoolean()).isTrue();
		var sex = fields.valueStream().filter(f -> f.get("path").asString().equals("members[].sex")).findFirst().orElseThrow();
		assertThat(sex.get("options").valueStream().map(JsonNode::asString)).containsExactly("male", "female");
		var name = fields.valueStream().filter(f -> f.get("path").asString().equals("notifier.name")).findFirst().orElseThrow();
		assertThat(name.get("maxLength").asInt()).isEqualTo(100);
	}

	@Test
	void anInvalidDefinitionIs422NamingWhatIsWrongInTheCallersLanguage() {
		String id = "grant-bad-" + System.nanoTime();
		var refused = put("281000", id, GRANT.formatted(id, "支援金", "OPERATOR_SUPERVISOR"), "application/yaml", "admin", "en");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.firstError()).isEqualTo("workflow.transitions[0].roles[0]:decision_not_municipal");
		assertThat(refused.json().at("/errors/0/message").asString()).contains("MUNICIPAL_OFFICIAL");
		var japanese = put("281000", id, GRANT.formatted(id, "支援金", "OPERATOR_SUPERVISOR"), "application/yaml", "admin", "ja");
		assertThat(japanese.json().at("/errors/0/message").asString()).contains("自治体職員");
		var mismatch = put("281000", id, GRANT.formatted("other-id", "支援金", "MUNICIPAL_OFFICIAL"), "application/yaml", "admin", "en");
		assertThat(mismatch.status()).isEqualTo(422);
		assertThat(mismatch.firstError()).isEqualTo("id:id_mismatch");
		var api = new Api(port);
		assertThat(api.get("/api/v1/municipalities/281000/procedures/" + id, api.token("admin")).status()).as("nothing was written").isEqualTo(404);
	}

	@Test
	void oversizedWronglyTypedAndHostileBodiesAreRefused() {
		String id = "grant-" + System.nanoTime();
		var large = put("281000", id, "a: " + "x".repeat(1_100_000), "application/yaml", "admin", "en");
		assertThat(large.status()).isEqualTo(413);
		assertThat(large.firstError()).isEqualTo("body:too_large");
		var form = put("281000", id, "a=b", "application/x-www-form-urlencoded", "admin", "en");
		assertThat(form.status()).isEqualTo(415);
		var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
		for (char c = 'b'; c <= 'j'; c++) {
			bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ", ").repeat(9)).append("*").append((char) (c - 1)).append("]\n");
		}
		var bombed = put("281000", id, bomb.toString(), "application/yaml", "admin", "en");
		assertThat(bombed.status()).isEqualTo(422);
		assertThat(bombed.firstError()).isEqualTo("body:too_complex");
		var badBytes = put("281000", id, "id: \uD800", "application/yaml", "admin", "en");
		assertThat(badBytes.status()).isEqualTo(422);
		var syntax = put("281000", id, "id: [", "application/yaml", "admin", "en");
		assertThat(syntax.firstError()).isEqualTo("body:syntax");
	}

	@Test
	void onlyAnAdministratorPublishes() {
		String id = "grant-" + System.nanoTime();
		var refused = put("281000", id, GRANT.formatted(id, "支援金", "MUNICIPAL_OFFICIAL"), "application/yaml", "kobe-supervisor", "en");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(put("281000", id, GRANT.formatted(id, "支援金", "MUNICIPAL_OFFICIAL"), "application/yaml", "kobe-official", "en").status())
			.isEqualTo(403);
	}

	@Test
	void anotherCitysProceduresAreNotFound() {
		var api = new Api(port);
		var listed = api.get("/api/v1/municipalities/271004/procedures", api.token("kobe-clerk"));
		assertThat(listed.status()).isEqualTo(404);
		assertThat(listed.firstError()).isEqualTo("code:not_found");
		assertThat(api.get("/api/v1/municipalities/271004/procedures/care-certification", api.token("kobe-official")).firstError())
			.isEqualTo("code:not_found");
		var put = put("271004", "care-certification", "id: care-certification", "application/yaml", "kobe-clerk", "en");
		assertThat(put.status()).isEqualTo(404);
	}

	@Test
	void staffSeeTheFourShippedProceduresOfTheirCity() {
		var listed = get("/api/v1/municipalities/281000/procedures", "kobe-clerk");
		assertThat(listed.valueStream().map(p -> p.get("id").asString())).contains("care-certification", "move-in-notification",
				"my-number-card-issuance", "resident-certificate-by-mail");
		assertThat(listed.valueStream()).allSatisfy(p -> assertThat(p.has("version") && p.has("name")).isTrue());
		var api = new Api(port);
		assertThat(api.get("/api/v1/municipalities/281000/procedures/no-such-thing", api.token("kobe-clerk")).firstError()).isEqualTo("id:not_found");
		assertThat(api.get("/api/v1/municipalities/281000/procedures/care-certification?version=x", api.token("kobe-clerk")).status())
			.isEqualTo(400);
	}
}
