package org.madoguchi.identity;

import java.util.List;

import org.madoguchi.platform.DemoData;
import org.madoguchi.privacy.SecretBox;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo accounts the README lists, all with password {@value #PASSWORD}. Those whose roles need a
 * second factor are enrolled with the fixed TOTP secret {@value #TOTP_SECRET}, stated in the README, so a
 * demo can add it to any authenticator app.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "madoguchi-demo";
	static final String TOTP_SECRET = "MADOGUCHIDEMOKEY";

	private record Demo(String username, String displayName, String organization, String role, List<String> municipalities) {
	}

	private static final List<Demo> ACCOUNTS = List.of(
			new Demo("admin", "管理者（デモ）", "OPERATOR", "ADMIN", List.of("281000", "271004", "072079")),
			new Demo("kobe-clerk", "神戸 入力担当", "OPERATOR", "OPERATOR_CLERK", List.of("281000")),
			new Demo("kobe-checker", "神戸 ベリファイ担当", "OPERATOR", "OPERATOR_CHECKER", List.of("281000")),
			new Demo("kobe-supervisor", "神戸 業務責任者", "OPERATOR", "OPERATOR_SUPERVISOR", List.of("281000")),
			new Demo("kobe-official", "神戸市 職員", "MUNICIPALITY", "MUNICIPAL_OFFICIAL", List.of("281000")),
			new Demo("osaka-clerk", "大阪 入力担当", "OPERATOR", "OPERATOR_CLERK", List.of("271004")),
			new Demo("osaka-checker", "大阪 ベリファイ担当", "OPERATOR", "OPERATOR_CHECKER", List.of("271004")),
			new Demo("osaka-official", "大阪市 職員", "MUNICIPALITY", "MUNICIPAL_OFFICIAL", List.of("271004")),
			new Demo("auditor", "神戸市 監査担当", "MUNICIPALITY", "AUDITOR", List.of("281000")));

	private final DemoData demo;
	private final JdbcClient db;
	private final PasswordEncoder passwords;
	private final SecretBox secrets;

	DemoAccounts(DemoData demo, JdbcClient db, PasswordEncoder passwords, SecretBox secrets) {
		this.demo = demo;
		this.db = db;
		this.passwords = passwords;
		this.secrets = secrets;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled()) {
			return;
		}
		for (Demo account : ACCOUNTS) {
			if (db.sql("select count(*) from staff_account where username = ?").param(account.username()).query(Long.class).single() > 0) {
				continue;
			}
			long id = db.sql("insert into staff_account (username, display_name, organization, password_hash) values (?, ?, ?, ?) returning id")
				.params(account.username(), account.displayName(), account.organization(), passwords.encode(PASSWORD))
				.query(Long.class).single();
			db.sql("insert into account_role (account_id, role) values (?, ?)").params(id, account.role()).update();
			account.municipalities().forEach(code -> db.sql("insert into account_municipality (account_id, municipality) values (?, ?)")
				.params(id, code).update());
			if (org.madoguchi.platform.Role.valueOf(account.role()).revealsPersonalData()) {
				db.sql("update staff_account set totp_secret = ?, totp_enrolled_at = now() where id = ?")
					.params(secrets.seal(Totp.fromBase32(TOTP_SECRET), "totp:" + id), id).update();
			}
		}
	}
}
