package org.madoguchi.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A worker reaches every application of an exception list, however long, a page at a time: following "next
 * page" shows each one exactly once, each page says how many wait in all and which of them it shows, and the
 * previous pages lead back. Pages of a few rows (the {@code size} parameter) stand in for pages of a hundred.
 */
@MadoguchiTest
class ExceptionListPagingTest {

	private static final Pattern ROW = Pattern.compile("<tr id=\"row-([0-9]+)\">\\s*<th scope=\"row\"><a href=\"[^\"]*\">([0-9-]+)</a>");
	private static final Pattern COUNT = Pattern.compile("id=\"list-count\">([^<]+)<");

	@LocalServerPort
	int port;

	Api api;
	BenefitCity city;
	String programme;
	Map<String, String> numbers;
	StaffPages checker;

	/** Households 1–13 wait for the manual check, 1–7 also sent a second form, 14–20 sent an unknown branch. */
	@BeforeEach
	void aProgrammeWithLongListsOfExceptions() throws Exception {
		api = new Api(port);
		city = BenefitCity.registered(api, "l", 20);
		programme = city.programmeId();
		numbers = city.openProgramme(api, programme, true);
		var rows = new StringBuilder();
		IntStream.rangeClosed(1, 13).forEach(h -> rows.append(row(h, "001", "ｵｵｻｶ ﾀﾛｳ")));
		IntStream.rangeClosed(1, 7).forEach(h -> rows.append(row(h, "001", "ｵｵｻｶ ﾊﾅｺ")));
		IntStream.rangeClosed(14, 20).forEach(h -> rows.append(row(h, "999", "ｵｵｻｶ ﾀﾛｳ")));
		var statuses = BenefitCity.importMailed(api, programme, rows.toString()).json().get("statuses");
		assertThat(statuses.get("checking").asInt()).isEqualTo(13);
		assertThat(statuses.get("duplicate").asInt()).isEqualTo(7);
		assertThat(statuses.get("correction-needed").asInt()).isEqualTo(7);
		checker = StaffPages.newAccount(port, "checker-" + programme, "operator", "OPERATOR_CHECKER", BenefitCity.OSAKA);
	}

	@Test
	void followingTheNextLinksShowsEveryApplicationOfEachListOnceWithTheCountOfTheWholeList() throws Exception {
		var checking = walk("checking", 5, 13);
		assertThat(checking.numbers()).containsExactlyInAnyOrderElementsOf(formattedNumbers(1, 13));
		var corrections = walk("corrections", 3, 7);
		assertThat(corrections.numbers()).containsExactlyInAnyOrderElementsOf(formattedNumbers(14, 20));
		var duplicates = walk("duplicates", 3, 7);
		assertThat(duplicates.numbers()).containsExactlyInAnyOrderElementsOf(formattedNumbers(1, 7));

		// the API lists the held applications in the same order, a page at a time, each with the cursor of the next
		var viaApi = new ArrayList<Long>();
		String after = "";
		do {
			var page = api.get(list() + "/duplicates?size=3" + (after.isEmpty() ? "" : "&after=" + after), api.token("osaka-checker"));
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			assertThat(page.json().get("total").asLong()).isEqualTo(7);
			assertThat(page.json().get("items").size()).isBetween(1, 3);
			page.json().get("items").forEach(item -> viaApi.add(item.get("id").asLong()));
			after = page.json().path("next").isNull() || page.json().path("next").isMissingNode() ? "" : page.json().get("next").asString();
		} while (!after.isEmpty());
		assertThat(viaApi).isEqualTo(duplicates.ids());
	}

	@Test
	void thePreviousAndFirstPageLinksLeadBack() throws Exception {
		String last = checker.get(path(nextLink(checker.get(path(nextLink(checker.get(staffList("checking") + "?size=5")))))));
		assertThat(count(last)).isEqualTo("13件中 11～13件目を表示しています。");
		assertThat(last).doesNotContain("id=\"page-next\"").contains("id=\"page-first\"");
		var middle = checker.get(path(link(last, "page-previous")));
		assertThat(count(middle)).isEqualTo("13件中 6～10件目を表示しています。");
		assertThat(middle).as("its previous page is the first").doesNotContain("id=\"page-first\"");
		var first = checker.get(path(link(middle, "page-previous")));
		assertThat(count(first)).isEqualTo("13件中 1～5件目を表示しています。");
		assertThat(first).doesNotContain("id=\"page-previous\"").doesNotContain("id=\"page-first\"")
			.contains("aria-label=\"一覧のページ送り\"");
		assertThat(count(checker.get(path(link(last, "page-first"))))).isEqualTo("13件中 1～5件目を表示しています。");
	}

	@Test
	void aPageAddressThePagesNeverWroteAnswers400WithTheFirstPageAndOneThatWentStaleShowsTheFirstPage() throws Exception {
		for (String query : List.of("after=soon", "after=2026-02-30_1", "after=2026-05-20_", "after=2026-05-20_0",
				"before=2026-05-20_12a", "after=2026-05-20_1&before=2026-05-20_9", "size=0", "size=101", "size=ten",
				"after=2026-05-20_1234567890123456789")) {
			var answer = checker.answer(staffList("corrections") + "?" + query);
			assertThat(answer.statusCode()).as(query).isEqualTo(400);
			assertThat(answer.body()).as(query).contains("ページの指定を読み取れなかったため、最初のページを表示しています。");
			assertThat(count(answer.body())).as(query).isEqualTo("7件中 1～7件目を表示しています。");
		}
		for (String query : List.of("after=2999-12-31_1&size=3", "before=2000-01-01_1&size=3")) {
			assertThat(count(checker.get(staffList("corrections") + "?" + query))).as(query).isEqualTo("7件中 1～3件目を表示しています。");
		}
		assertThat(api.get(list() + "/duplicates?after=soon", api.token("osaka-checker")).firstError()).isEqualTo("after:format");
		assertThat(api.get(list() + "/duplicates?size=101", api.token("osaka-checker")).firstError()).isEqualTo("size:out_of_range");
	}

	private record Walk(List<Long> ids, List<String> numbers) {
	}

	/** Opens the list at its first page and presses "next page" until there is none, checking each page's count. */
	private Walk walk(String kind, int size, int total) throws Exception {
		var ids = new ArrayList<Long>();
		var shown = new ArrayList<String>();
		String page = checker.get(staffList(kind) + "?size=" + size);
		for (int pages = 1;; pages++) {
			int before = ids.size();
			var rows = ROW.matcher(page);
			while (rows.find()) {
				ids.add(Long.parseLong(rows.group(1)));
				shown.add(rows.group(2));
			}
			assertThat(ids.size() - before).as(kind + " page " + pages).isBetween(1, size);
			assertThat(count(page)).as(kind + " page " + pages).isEqualTo(total + "件中 " + (before + 1) + "～" + ids.size() + "件目を表示しています。");
			String next = link(page, "page-next");
			if (next == null) {
				break;
			}
			assertThat(pages).as("more pages than applications").isLessThan(total);
			page = checker.get(path(next));
		}
		assertThat(ids).as(kind).hasSize(total).doesNotHaveDuplicates();
		return new Walk(ids, shown);
	}

	private static String nextLink(String page) {
		return link(page, "page-next");
	}

	private static String link(String page, String id) {
		var link = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(page);
		return link.find() ? link.group(1).replace("&amp;", "&") : null;
	}

	private static String path(String href) {
		assertThat(href).as("a link on the page").isNotNull().startsWith("/municipalities/");
		return href;
	}

	private static String count(String page) {
		var count = COUNT.matcher(page);
		return count.find() ? count.group(1) : null;
	}

	private String staffList(String kind) {
		return "/municipalities/" + BenefitCity.OSAKA + "/benefits/" + programme + "/" + kind;
	}

	private String list() {
		return BenefitCity.PROGRAMMES + "/" + programme;
	}

	private List<String> formattedNumbers(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj(h -> new ApplicationNumber(numbers.get(city.household(h))).formatted()).toList();
	}

	private String row(int household, String branch, String holder) {
		return String.join(",", numbers.get(city.household(household)), "", "0001", branch, "1", "1234567", holder, "06-1234-5678",
				"2026-05-20") + "\r\n";
	}
}
