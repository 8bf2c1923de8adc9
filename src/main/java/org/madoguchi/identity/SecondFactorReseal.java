package org.madoguchi.identity;

import org.madoguchi.privacy.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After a master-key change (new key current, old one still given as previous), re-seals every TOTP seed
 * under the new key at start, so the previous key can be dropped without locking staff out.
 */
@Component
@Order(30)
class SecondFactorReseal implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SecondFactorReseal.class);
	private final JdbcClient db;
	private final SecretBox secrets;

	SecondFactorReseal(JdbcClient db, SecretBox secrets) {
		this.db = db;
		this.secrets = secrets;
	}

	@Override
	public void run(ApplicationArguments args) {
		record Seed(long id, byte[] totpSecret) {
		}
		int resealed = 0;
		for (Seed seed : db.sql("select id, totp_secret from staff_account where totp_secret is not null").query(Seed.class).list()) {
			if (!secrets.isCurrent(seed.totpSecret())) {
				db.sql("update staff_account set totp_secret = ? where id = ?")
					.params(secrets.reseal(seed.totpSecret(), "totp:" + seed.id()), seed.id()).update();
				resealed++;
			}
		}
		if (resealed > 0) {
			log.info("Re-sealed {} second-factor seeds under the current master key", resealed);
		}
	}
}
