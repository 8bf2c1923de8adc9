package org.madoguchi.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.japan.JapaneseHolidays;
import org.springframework.boot.test.web.server.LocalServerPort;

@MadoguchiTest
class CalendarApiTest {

	@LocalServerPort
	int port;

	@Test
	void holidaysOf2027AreTheNationalOnes() {
		var api = new Api(port);
		var holidays = api.get("/api/v1/municipalities/072079/calendar/holidays?year=2027", api.token("admin")).json();
		assertThat(holidays.size()).isEqualTo(JapaneseHolidays.of(2027).size());
		assertThat(holidays.get(0).get("date").asString()).isEqualTo("2027-01-01");
		assertThat(holidays.get(0).get("name").asString()).isEqualTo("元日");
	}

	@Test
	void businessDaysSkipTheNewYearClosure() {
		var api = new Api(port);
		var date = api.get("/api/v1/municipalities/281000/calendar/add-business-days?from=2026-12-28&days=3", api.token("kobe-clerk"));
		assertThat(date.json().get("date").asString()).isEqualTo("2027-01-06");
	}

	@Test
	void aCitysOwnClosedDayCountsForThatCityOnly() {
		var api = new Api(port);
		var set = api.send("PUT", "/api/v1/municipalities/271004/calendar/days/2027-02-01", api.token("admin"),
				Api.json(Map.of("kind", "closed", "name", "システム更新日")), "ja");
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		String path = "/calendar/add-business-days?from=2027-01-29&days=1";
		assertThat(api.get("/api/v1/municipalities/271004" + path, api.token("admin")).json().get("date").asString()).isEqualTo("2027-02-02");
		assertThat(api.get("/api/v1/municipalities/281000" + path, api.token("admin")).json().get("date").asString()).isEqualTo("2027-02-01");
		var holidays = api.get("/api/v1/municipalities/271004/calendar/holidays?year=2027", api.token("admin")).body();
		assertThat(holidays).contains("システム更新日");
	}

	@Test
	void outOfRangeInputIsA4xxWithTheFieldPath() {
		var api = new Api(port);
		var response = api.send("GET", "/api/v1/municipalities/281000/calendar/add-business-days?from=2026-02-30&days=3",
				api.token("kobe-clerk"), null, "en");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError()).isEqualTo("from:format");
		assertThat(api.get("/api/v1/municipalities/281000/calendar/holidays?year=1800", api.token("kobe-clerk")).firstError())
			.isEqualTo("year:out_of_range");
	}

	@Test
	void theCalendarAnswersFromTheHolidayLawToTheLastComputableYearAndNamesTheYearBeyond() {
		var api = new Api(port);
		String holidays = "/api/v1/municipalities/281000/calendar/holidays?year=";
		assertThat(api.get(holidays + JapaneseHolidays.FIRST_YEAR, api.token("kobe-clerk")).status()).isEqualTo(200);
		assertThat(api.get(holidays + JapaneseHolidays.LAST_COMPUTABLE_YEAR, api.token("kobe-clerk")).status()).isEqualTo(200);
		var beyond = api.get(holidays + (JapaneseHolidays.LAST_COMPUTABLE_YEAR + 1), api.token("kobe-clerk"));
		assertThat(beyond.status()).isEqualTo(422);
		assertThat(beyond.firstError()).isEqualTo("year:out_of_range");
		assertThat(api.get("/api/v1/municipalities/281000/calendar/add-business-days?from=2180-01-06&days=1", api.token("kobe-clerk"))
			.firstError()).isEqualTo("from:out_of_range");
	}
}
