package org.madoguchi.documents;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Letter requests as the casework module would send them, to 神戸市's first demo resident. */
final class Samples {

	static final String KOBE = "281000";
	static final String OSAKA = "271004";
	static final LocalDate FIRST_DAY_OF_REIWA = LocalDate.of(2019, 5, 1);

	private Samples() {
	}

	static Recipient recipient() {
		return new Recipient("髙﨑 花子", "650-0001", List.of("兵庫県神戸市中央区加納町6丁目5番1号", "コーポ山手 201号"));
	}

	static LetterRequest request(LetterType type, LocalDate date) {
		return request(KOBE, "神戸市", "resident-certificate-by-mail", type, "R1-000123-7", date);
	}

	static LetterRequest request(String code, String name, String procedure, LetterType type, String caseNumber, LocalDate date) {
		return new LetterRequest(code, name, procedure, type, caseNumber, recipient(), date, values(type, date));
	}

	static Map<String, Object> values(LetterType type, LocalDate date) {
		var values = new LinkedHashMap<String, Object>();
		values.put("procedureName", "住民票の写し等の郵送請求");
		values.put("contact", "神戸市 行政事務センター 078-000-0000");
		switch (type) {
			case ACKNOWLEDGEMENT -> values.put("receivedOn", date);
			case DEFICIENCY_NOTICE -> {
				values.put("items", List.of(
						Map.of("item", "手数料", "reason", "定額小為替が300円不足しています。"),
						Map.of("item", "請求者の生年月日", "reason", "記入がありません。"),
						Map.of("item", "本人確認書類", "reason", "写しが同封されていません（№ 2）。")));
				values.put("deadline", date.plusDays(14));
			}
			case DEFERRAL_NOTICE -> {
				values.put("reason", "主治医意見書の提出が遅れているため。");
				values.put("expectedDate", date.plusDays(45));
			}
			case DECISION_NOTICE -> {
				values.put("decision", "請求のとおり交付することに決定しました。");
				values.put("reasons", "請求の要件を満たしているため。");
			}
			case CERTIFICATE -> {
				values.put("receivedOn", date);
				values.put("enclosures", List.of(Map.of("item", "住民票の写し（世帯全員）", "copies", 2),
						Map.of("item", "住民票の写し（本人のみ）", "copies", 1)));
				values.put("feeReceived", 900L);
			}
			case REMINDER -> {
				values.put("items", List.of(Map.of("item", "返信用封筒", "reason", "同封されていません。")));
				values.put("firstNoticeOn", date.minusDays(7));
				values.put("deadline", date.plusDays(7));
			}
		}
		return values;
	}
}
