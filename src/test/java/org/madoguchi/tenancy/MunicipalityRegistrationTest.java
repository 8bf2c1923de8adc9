package org.madoguchi.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@MadoguchiTest
class MunicipalityRegistrationTest {

	@LocalServerPort
	int port;

	private Api.Response register(String code, String name, String kana) {
		var api = new Api(port);
		return api.post("/api/v1/admin/municipalities", api.token("admin"),
				Api.json(Map.of("code", code, "name", name, "nameKana", kana, "operatorId", "madoguchi-bpo")));
	}

	@Test
	void aRegisteredMunicipalityIsServedByItsAdministratorAndNobodyElse() {
		var created = register("141003", "横浜市", "ﾖｺﾊﾏｼ");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("nameKana").asString()).isEqualTo("ヨコハマシ");
		var api = new Api(port);
		assertThat(api.get("/api/v1/municipalities", api.token("admin")).body()).contains("141003");
		assertThat(api.get("/api/v1/municipalities/141003", api.token("kobe-clerk")).status()).isEqualTo(404);
		var holidays = api.get("/api/v1/municipalities/141003/calendar/holidays?year=2027", api.token("admin"));
		assertThat(holidays.status()).isEqualTo(200);
	}

	@Test
	void aMistypedCodeIsCaughtByItsCheckDigit() {
		var response = register("141004", "横浜市", "ヨコハマシ");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.firstError()).isEqualTo("code:check_digit");
	}

	@Test
	void aNameWithoutKanaReadingIsRefusedAndNothingIsWritten() {
		var response = register("011011", "札幌市中央区", "Sapporo");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.firstError()).isEqualTo("nameKana:not_kana");
		var api = new Api(port);
		assertThat(api.get("/api/v1/municipalities", api.token("admin")).body()).doesNotContain("011011");
	}

	@Test
	void registeringTheSameCodeTwiceIsAConflict() {
		assertThat(register("271004", "大阪市", "オオサカシ").status()).isEqualTo(409);
	}
}
