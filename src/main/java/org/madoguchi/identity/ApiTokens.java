package org.madoguchi.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Bearer tokens for the API. The token is shown once; the database keeps only its SHA-256. */
@Service
public class ApiTokens {

	public static final Duration LIFETIME = Duration.ofHours(8);
	private final JdbcClient db;
	private final StaffAccounts accounts;
	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient db, StaffAccounts accounts) {
		this.db = db;
		this.accounts = accounts;
	}

	public record Issued(String token, Instant expiresAt) {
	}

	public Issued issue(StaffUser user) {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		String token = "mdg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expiresAt = Instant.now().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS);
		db.sql("delete from api_token where expires_at < now()").update();
		db.sql("insert into api_token (token_hash, account_id, expires_at) values (?, ?, ?)")
			.params(hash(token), user.id(), Timestamp.from(expiresAt)).update();
		return new Issued(token, expiresAt);
	}

	/** The owner of a live token whose account is still enabled and not locked. */
	public Optional<StaffUser> owner(String token) {
		return db.sql("""
				select a.id from api_token t join staff_account a on a.id = t.account_id
				where t.token_hash = ? and t.expires_at > now() and a.enabled
				  and (a.locked_until is null or a.locked_until < now())
				""").param(hash(token)).query(Long.class).optional().map(accounts::load);
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
