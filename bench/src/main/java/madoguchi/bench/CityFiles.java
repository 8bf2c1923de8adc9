package madoguchi.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated city: the register extract a city's system would send (one row per resident, every column the
 * issue names, a valid My Number for everyone) and, once the forms are numbered, the scanning vendor's file of
 * mailed applications. Household sizes follow Japan's mix (a mean of about 2.15 persons); 1 % of residents died
 * after the reference date and 1 % moved in after it. Fixed seed: every run writes the same city.
 */
final class CityFiles {

	static final String REGISTER_HEADER = "resident_id,household_id,relationship,name,name_kana,birth_date,sex,postal_code,address,"
			+ "registered_on,removed_on,removal_reason,my_number";
	static final String FORMS_HEADER = "application_number,declined_resident_ids,bank_code,branch_code,account_type,account_number,"
			+ "account_holder_kana,phone,received_on";
	static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 4, 27);
	private static final String[] FAMILY = { "山田", "佐藤", "鈴木", "髙橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤" };
	private static final String[] FAMILY_KANA = { "ヤマダ", "サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ナカムラ", "コバヤシ", "カトウ" };
	private static final String[] GIVEN = { "太郎", "花子", "翔太", "陽菜", "大輝", "結衣", "﨑子", "優子", "健一", "美咲" };
	private static final String[] GIVEN_KANA = { "タロウ", "ハナコ", "ショウタ", "ヒナ", "ダイキ", "ユイ", "サキコ", "ユウコ", "ケンイチ", "ミサキ" };
	private static final String[] RELATION = { "世帯主", "妻", "子", "子", "母" };

	record Register(Path file, int residents, int households) {
	}

	private CityFiles() {
	}

	static Register register(Path file, int residents, String idPrefix) throws IOException {
		var random = new SplittableRandom(20200427L);
		int written = 0;
		int household = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(REGISTER_HEADER);
			out.write("\r\n");
			while (written < residents) {
				household++;
				int size = Math.min(householdSize(random.nextInt(100)), residents - written);
				int family = random.nextInt(FAMILY.length);
				for (int m = 0; m < size; m++) {
					written++;
					int given = random.nextInt(GIVEN.length);
					int roll = random.nextInt(100);
					String registered = roll == 0 ? "2026-05-15" : "2001-04-01";
					String removed = roll == 1 ? "2026-06-0" + (1 + random.nextInt(9)) : "";
					LocalDate birth = LocalDate.of(1930 + random.nextInt(90), 1 + random.nextInt(12), 1 + random.nextInt(28));
					out.write(String.join(",", idPrefix + "R" + pad(written, 9), idPrefix + "H" + pad(household, 8),
							RELATION[Math.min(m, RELATION.length - 1)], FAMILY[family] + " " + GIVEN[given],
							FAMILY_KANA[family] + " " + GIVEN_KANA[given], birth.toString(), m % 2 == 0 ? "1" : "2",
							"650" + pad(random.nextInt(10_000), 4), "神戸市中央区加納町" + (1 + household % 9) + "丁目" + (household % 50) + "番",
							registered, removed, removed.isEmpty() ? "" : "死亡", myNumber(written)));
					out.write("\r\n");
				}
			}
		}
		return new Register(file, written, household);
	}

	/**
	 * The vendor's file: one row per application number given, a few with trouble: 0.5 % of households send a
	 * second form, 1 % write a bank code that does not exist, 1 % a ゆうちょ account, 2 % decline one member.
	 */
	static int applications(Path file, List<String> numbers, int percent) throws IOException {
		var random = new SplittableRandom(8_2020L);
		int rows = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(FORMS_HEADER);
			out.write("\r\n");
			for (String number : numbers) {
				if (random.nextInt(100) >= percent) {
					continue;
				}
				int roll = random.nextInt(200);
				String account = pad(random.nextInt(10_000_000), 7);
				String row = switch (roll) {
					case 0, 1 -> String.join(",", number, "", "9999", "001", "1", account, "ﾔﾏﾀﾞ ﾀﾛｳ");
					case 2, 3 -> String.join(",", number, "", "9900", "10170", "", "1" + pad(random.nextInt(1_000_000), 6) + "1", "ヤマダ ユーコ");
					default -> String.join(",", number, "", "0001", "001", "1", account, "ヤマダ タロウ");
				};
				String line = row + ",078-331-8181," + LocalDate.of(2026, 5, 1).plusDays(random.nextInt(90)) + "\r\n";
				out.write(line);
				rows++;
				if (roll == 4) {
					out.write(line.replace("ヤマダ タロウ", "ヤマダ ハナコ"));
					rows++;
				}
			}
		}
		return rows;
	}

	private static int householdSize(int percentile) {
		return percentile < 38 ? 1 : percentile < 67 ? 2 : percentile < 84 ? 3 : percentile < 96 ? 4 : 5;
	}

	/** A valid 12-digit My Number (weights 6,5,4,3,2,7,6,5,4,3,2 on the first eleven) per resident. */
	static String myNumber(long serial) {
		String base = pad(100_000_000_00L + serial, 11);
		int[] weights = { 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
		int sum = 0;
		for (int i = 0; i < 11; i++) {
			sum += (base.charAt(i) - '0') * weights[i];
		}
		int r = sum % 11;
		return base + (r <= 1 ? 0 : 11 - r);
	}

	private static String pad(long value, int width) {
		String text = Long.toString(value);
		return "0".repeat(Math.max(0, width - text.length())) + text;
	}
}
