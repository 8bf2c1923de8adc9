package org.madoguchi.tenancy;

import java.util.List;

import org.madoguchi.platform.DemoData;
import org.madoguchi.platform.ScopedTransactions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The demo operator, its consortium and three cities; loading twice changes nothing. */
@Component
@Order(10)
class DemoDirectory implements ApplicationRunner {

	static final List<String> CODES = List.of("281000", "271004", "072079");
	private final DemoData demo;
	private final JdbcClient db;
	private final ScopedTransactions transactions;

	DemoDirectory(DemoData demo, JdbcClient db, ScopedTransactions transactions) {
		this.demo = demo;
		this.db = db;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled()) {
			return;
		}
		db.sql("insert into operator (id, name) values ('madoguchi-bpo', 'Madoguchi BPO デモ') on conflict do nothing").update();
		db.sql("""
				insert into consortium (id, name, operator_id, cost_split)
				values ('hanshin-kansai', '関西広域事務センター共同委託（デモ）', 'madoguchi-bpo', 'mixed') on conflict do nothing
				""").update();
		municipality("281000", "神戸市", "コウベシ", "hanshin-kansai", 1_500_000);
		municipality("271004", "大阪市", "オオサカシ", "hanshin-kansai", 2_750_000);
		municipality("072079", "須賀川市", "スカガワシ", null, 74_000);
		transactions.run(CODES, () -> {
			office("281000", "honcho", "神戸市役所 本庁舎", "兵庫県神戸市中央区加納町6丁目5番1号");
			office("271004", "honcho", "大阪市役所 本庁舎", "大阪府大阪市北区中之島1丁目3番20号");
			office("072079", "honcho", "須賀川市役所", "福島県須賀川市八幡町135");
		});
	}

	private void municipality(String code, String name, String kana, String consortium, int population) {
		db.sql("""
				insert into municipality (code, name, name_kana, operator_id, consortium_id, population)
				values (?, ?, ?, 'madoguchi-bpo', ?, ?) on conflict do nothing
				""").params(code, name, kana, consortium, population).update();
	}

	private void office(String code, String id, String name, String address) {
		db.sql("insert into office (tenant_id, id, name, address) values (?, ?, ?, ?) on conflict do nothing")
			.params(code, id, name, address).update();
	}
}
