package org.madoguchi.benefits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.madoguchi.japan.MyNumber;

/**
 * A small made-up register extract for the demo city: the same households, names and (valid, invented) My
 * Numbers on every start, so the demo's application numbers and birth dates can be written in the README.
 * Household {@code n} is {@code kobe-demo-h%03d}; its head is member 0.
 */
final class DemoRegister {

	static final String HEADER = "resident_id,household_id,relationship,name,name_kana,birth_date,sex,postal_code,address,"
			+ "registered_on,removed_on,removal_reason,my_number";
	static final int HOUSEHOLDS = 150;
	/** Everyone was registered by then, before any reference date the demo uses. */
	static final LocalDate REGISTERED_BY = LocalDate.of(2020, 4, 1);

	private static final String[][] SURNAMES = { { "田中", "タナカ" }, { "山本", "ヤマモト" }, { "中村", "ナカムラ" }, { "小林", "コバヤシ" },
			{ "松本", "マツモト" }, { "井上", "イノウエ" }, { "木村", "キムラ" }, { "林", "ハヤシ" }, { "清水", "シミズ" }, { "山口", "ヤマグチ" },
			{ "藤原", "フジワラ" }, { "岡田", "オカダ" }, { "前田", "マエダ" }, { "藤井", "フジイ" }, { "西村", "ニシムラ" }, { "福田", "フクダ" },
			{ "太田", "オオタ" }, { "三浦", "ミウラ" }, { "髙橋", "タカハシ" }, { "吉田", "ヨシダ" }, { "坂本", "サカモト" }, { "村上", "ムラカミ" },
			{ "長谷川", "ハセガワ" }, { "近藤", "コンドウ" }, { "石田", "イシダ" }, { "﨑山", "サキヤマ" } };
	private static final String[][] MEN = { { "翔太", "ショウタ" }, { "大輔", "ダイスケ" }, { "健一", "ケンイチ" }, { "誠", "マコト" },
			{ "隆", "タカシ" }, { "浩二", "コウジ" }, { "悠真", "ユウマ" }, { "蓮", "レン" }, { "陽翔", "ハルト" }, { "一郎", "イチロウ" },
			{ "修", "オサム" }, { "拓也", "タクヤ" } };
	private static final String[][] WOMEN = { { "陽子", "ヨウコ" }, { "恵子", "ケイコ" }, { "美咲", "ミサキ" }, { "由美", "ユミ" },
			{ "さくら", "サクラ" }, { "結衣", "ユイ" }, { "陽葵", "ヒマリ" }, { "京子", "キョウコ" }, { "真由美", "マユミ" }, { "愛", "アイ" },
			{ "優子", "ユウコ" }, { "千尋", "チヒロ" } };
	private static final String[][] STREETS = { { "6500001", "兵庫県神戸市中央区加納町" }, { "6570051", "兵庫県神戸市灘区八幡町" },
			{ "6530042", "兵庫県神戸市長田区二葉町" }, { "6540111", "兵庫県神戸市須磨区車" }, { "6510084", "兵庫県神戸市中央区磯辺通" },
			{ "6580053", "兵庫県神戸市東灘区住吉宮町" } };

	/** One person of the extract. */
	record Person(String residentId, String householdId, String relationship, String name, String kana, LocalDate birthDate,
			String sex) {
	}

	private DemoRegister() {
	}

	static String householdId(int n) {
		return "kobe-demo-h%03d".formatted(n);
	}

	static List<Person> people() {
		var random = new Random(281000);
		var people = new ArrayList<Person>();
		for (int h = 1; h <= HOUSEHOLDS; h++) {
			String[] surname = SURNAMES[random.nextInt(SURNAMES.length)];
			String household = householdId(h);
			int size = switch (random.nextInt(10)) {
				case 0, 1, 2 -> 1;
				case 3, 4, 5 -> 2;
				case 6, 7 -> 3;
				case 8 -> 4;
				default -> 5;
			};
			boolean headIsMan = random.nextInt(3) > 0;
			LocalDate headBorn = LocalDate.of(1945 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
			var used = new HashSet<String>();
			people.add(person(h, 0, household, "世帯主", surname, headIsMan, headBorn, random, used));
			for (int m = 1; m < size; m++) {
				if (m == 1 && headBorn.getYear() < 1995) {
					var born = headBorn.plusDays(random.nextInt(2000) - 1000);
					people.add(person(h, m, household, headIsMan ? "妻" : "夫", surname, !headIsMan, born, random, used));
				} else {
					var born = headBorn.plusYears(24 + random.nextInt(12)).plusDays(random.nextInt(300));
					if (born.isAfter(LocalDate.of(2025, 12, 31))) {
						born = LocalDate.of(2008 + random.nextInt(18), 1 + random.nextInt(12), 1 + random.nextInt(28));
					}
					people.add(person(h, m, household, "子", surname, random.nextBoolean(), born, random, used));
				}
			}
		}
		return people;
	}

	/** The extract as CSV (UTF-8, CRLF), every person with a valid My Number. */
	static String csv() {
		var random = new Random(12);
		var out = new StringBuilder(HEADER).append("\r\n");
		int i = 0;
		for (var p : people()) {
			var street = STREETS[Integer.parseInt(p.householdId().substring(11)) % STREETS.length];
			String block = Integer.parseInt(p.householdId().substring(11)) % 9 + 1 + "丁目" + (Integer.parseInt(p.householdId().substring(11)) % 20 + 1)
					+ "番" + (i++ % 7 + 1) + "号";
			LocalDate registered = p.birthDate().isAfter(REGISTERED_BY) ? p.birthDate() : REGISTERED_BY;
			out.append(String.join(",", p.residentId(), p.householdId(), p.relationship(), p.name(), p.kana(), p.birthDate().toString(),
					p.sex(), street[0], street[1] + block, registered.toString(), "", "", myNumber(random))).append("\r\n");
		}
		return out.toString();
	}

	private static Person person(int household, int member, String householdId, String relationship, String[] surname, boolean man,
			LocalDate born, Random random, Set<String> used) {
		String[] given;
		do {
			// a household does not give two members the same given name
			given = (man ? MEN : WOMEN)[random.nextInt(MEN.length)];
		} while (!used.add(given[0]));
		return new Person("kobe-demo-r%03d-%d".formatted(household, member), householdId, relationship, surname[0] + " " + given[0],
				surname[1] + " " + given[1], born, man ? "1" : "2");
	}

	private static String myNumber(Random random) {
		String eleven = "%011d".formatted((long) (random.nextDouble() * 99_999_999_999L));
		return eleven + MyNumber.checkDigit(eleven);
	}
}
