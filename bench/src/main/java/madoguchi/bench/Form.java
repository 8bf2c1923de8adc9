package madoguchi.bench;

import java.time.LocalDate;

/** The application both engines receive: a name, its reading, a birth date, an address and an amount. */
final class Form {

	static final String NAME = "神戸 太郎";
	static final String NAME_KANA = "コウベ タロウ";
	static final LocalDate BIRTH_DATE = LocalDate.of(1950, 4, 1);
	static final String ADDRESS = "兵庫県神戸市中央区加納町6丁目5番1号";

	private Form() {
	}

	static long amount(String key) {
		return 10_000 + Math.floorMod(key.hashCode(), 90_000);
	}
}
