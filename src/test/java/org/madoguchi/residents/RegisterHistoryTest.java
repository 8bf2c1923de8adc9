package org.madoguchi.residents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.residents.Extract.KOBE;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A household through two extracts: a child moves out to a household of her own, the head hands over to his
 * wife, a neighbour dies after the benefit's reference date and a grandchild is registered after it. The
 * register answers for each day as it was on that day.
 */
@MadoguchiTest
class RegisterHistoryTest {

	private static final LocalDate REFERENCE_DATE = LocalDate.of(2020, 4, 27);

	@LocalServerPort
	int port;

	@Autowired
	Register register;

	private final String prefix = Extract.prefix();
	private final Extract first = new Extract(prefix);
	private final Extract second = new Extract(prefix);

	@Test
	void aLaterExtractKeepsHistoryAndEachDayIsAnsweredAsItWas() {
		first.person("a", "h1", "世帯主", "山田 太郎", "ヤマダ タロウ", "1950-03-01", "1", "1975-04-01")
			.person("b", "h1", "妻", "山田 花子", "ヤマダ ハナコ", "1955-07-07", "2", "1980-05-01")
			.person("c", "h1", "子", "山田 一美", "ヤマダ カズミ", "1985-01-15", "2", "1985-01-20")
			.person("d", "h2", "世帯主", "佐藤 次郎", "サトウ ジロウ", "1940-02-02", "1", "1970-01-01");
		second.person("a", "h1", "夫", "山田 太郎", "ヤマダ タロウ", "1950-03-01", "1", "1975-04-01")
			.person("b", "h1", "世帯主", "山田 花子", "ヤマダ ハナコ", "1955-07-07", "2", "1980-05-01")
			.person("c", "h3", "世帯主", "山田 一美", "ヤマダ カズミ", "1985-01-15", "2", "1985-01-20")
			.removed("d", "h2", "世帯主", "佐藤 次郎", "サトウ ジロウ", "1940-02-02", "1", "1970-01-01", "2020-05-10", "死亡")
			.person("e", "h3", "子", "山田 陽", "ヤマダ ヒナタ", "2020-05-01", "1", "2020-05-01");

		var imported = report(first, "2020-01-01");
		assertThat(imported.get("accepted").asInt()).isEqualTo(4);
		assertThat(imported.get("created").asInt()).isEqualTo(4);
		var again = report(first, "2020-01-01");
		assertThat(again.get("created").asInt()).as("the same extract again").isZero();
		assertThat(again.get("changed").asInt()).isZero();
		assertThat(again.get("unchanged").asInt()).isEqualTo(4);

		var later = report(second, "2020-06-01");
		assertThat(later.get("accepted").asInt()).isEqualTo(5);
		assertThat(later.get("created").asInt()).as("the grandchild").isEqualTo(1);
		assertThat(later.get("changed").asInt()).as("a, b, c and d").isEqualTo(4);
		assertThat(report(second, "2020-06-01").get("unchanged").asInt()).as("the later extract again").isEqualTo(5);

		assertThat(households(REFERENCE_DATE)).containsExactly(
				Map.entry("h1", List.of("a:世帯主", "b:妻", "c:子")), Map.entry("h2", List.of("d:世帯主")));
		// the death was reported in June, yet it counts from the day it happened; the grandchild is there
		assertThat(households(LocalDate.of(2020, 5, 15))).containsExactly(
				Map.entry("h1", List.of("a:世帯主", "b:妻", "c:子")), Map.entry("h3", List.of("e:子")));
		assertThat(households(LocalDate.of(2020, 7, 1))).containsExactly(
				Map.entry("h1", List.of("b:世帯主", "a:夫")), Map.entry("h3", List.of("c:世帯主", "e:子")));
		assertThat(households(LocalDate.of(1984, 12, 31))).containsExactly(
				Map.entry("h1", List.of("a:世帯主", "b:妻")), Map.entry("h2", List.of("d:世帯主")));

		var history = in(() -> register.history(KOBE, first.id("c")));
		assertThat(history).extracting(r -> r.householdId().substring(r.householdId().length() - 2) + ":" + r.relationship() + ":"
				+ r.validFrom() + ".." + r.validTo())
			.containsExactly("h1:子:1985-01-20..2020-06-01", "h3:世帯主:2020-06-01..null");
		var now = in(() -> register.find(KOBE, first.id("d"))).orElseThrow();
		assertThat(now.removedOn()).isEqualTo(LocalDate.of(2020, 5, 10));
		assertThat(now.presentOn(REFERENCE_DATE)).isTrue();
		assertThat(now.presentOn(LocalDate.of(2020, 5, 10))).isFalse();
	}

	@Test
	void anOlderExtractArrivingLateDoesNotRewriteWhatANewerOneSaid() {
		first.person("a", "h1", "世帯主", "鈴木 一郎", "スズキ イチロウ", "1970-01-01", "1", "2000-01-01")
			.person("b", "h1", "妻", "鈴木 二葉", "スズキ フタバ", "1972-02-02", "2", "2000-01-01");
		second.person("a", "h1", "世帯主", "鈴木 一郎", "スズキ イチロウ", "1970-01-01", "1", "2000-01-01")
			.person("b", "h2", "世帯主", "鈴木 二葉", "スズキ フタバ", "1972-02-02", "2", "2000-01-01");
		report(first, "2021-01-01");
		report(second, "2021-03-01");

		var late = report(first, "2021-02-01");
		assertThat(late.get("accepted").asInt()).isEqualTo(1);
		assertThat(late.get("unchanged").asInt()).isEqualTo(1);
		assertThat(late.get("rejected").valueStream().map(r -> r.get("line").asInt())).containsExactly(3);
		assertThat(Extract.errors(late.get("rejected").get(0))).containsExactly("row:outdated");
		assertThat(in(() -> register.find(KOBE, first.id("b"))).orElseThrow().householdId()).isEqualTo(first.id("h2"));
	}

	@Test
	void residentsAreFoundByTheirReadingWrittenAnyWayAndBirthDate() {
		first.person("a", "h1", "世帯主", "髙橋 京子", "タカハシ キョウコ", "1966-06-06", "2", "1990-01-01")
			.person("b", "h1", "子", "髙橋 京子", "タカハシ キョウコ", "1996-06-06", "2", "1996-06-10");
		report(first, "2021-01-01");

		var found = in(() -> register.search(KOBE, "たかはし きようこ", LocalDate.of(1966, 6, 6)));
		assertThat(found).extracting(Resident::residentId).containsExactly(first.id("a"));
		assertThat(found.get(0).name()).isEqualTo("髙橋 京子");
		assertThat(found.get(0).isHead()).isTrue();
	}

	private JsonNode report(Extract extract, String asOf) {
		var response = Extract.upload(port, "kobe-supervisor", "?asOf=" + asOf, extract.csv().getBytes(UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** This test's households on the day, each as "resident:relationship" in the register's order. */
	private Map<String, List<String>> households(LocalDate day) {
		var mine = new LinkedHashMap<String, List<String>>();
		in(() -> register.householdsOn(KOBE, day, household -> {
			if (household.id().startsWith(prefix + "-")) {
				mine.put(local(household.id()), household.members().stream().map(m -> local(m.residentId()) + ":" + m.relationship())
					.toList());
			}
		}));
		return mine;
	}

	private static String local(String id) {
		return id.substring(id.indexOf('-') + 1);
	}

	private static <T> T in(Supplier<T> work) {
		try (var scope = TenantScope.open(KOBE)) {
			return work.get();
		}
	}
}
