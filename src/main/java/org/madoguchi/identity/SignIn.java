package org.madoguchi.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.ScopedTransactions;
import org.madoguchi.privacy.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks passwords and one-time codes, shared by the login page and the token API so that both lock an
 * account after {@value #MAX_FAILURES} failures in a row, for {@link #LOCK_TIME}.
 */
@Service
public class SignIn {

	public static final int MAX_FAILURES = 5;
	public static final Duration LOCK_TIME = Duration.ofMinutes(15);

	public enum Outcome {
		ACCEPTED, REJECTED, LOCKED
	}

	public record Attempt(Outcome outcome, StaffUser user) {
	}

	private final JdbcClient db;
	private final PasswordEncoder passwords;
	private final StaffAccounts accounts;
	private final SecretBox secrets;
	private final ScopedTransactions transactions;
	private final AuditTrail audit;
	// compared against when the username is unknown, so that a miss takes as long as a wrong password
	private final String dummyHash;

	SignIn(JdbcClient db, PasswordEncoder passwords, StaffAccounts accounts, SecretBox secrets, ScopedTransactions transactions,
			AuditTrail audit) {
		this.db = db;
		this.passwords = passwords;
		this.accounts = accounts;
		this.secrets = secrets;
		this.transactions = transactions;
		this.audit = audit;
		this.dummyHash = passwords.encode(java.util.UUID.randomUUID().toString());
	}

	public Attempt password(String username, String password) {
		record Row(long id, String passwordHash, Instant lockedUntil) {
		}
		var row = db.sql("select id, password_hash, locked_until from staff_account where username = ? and enabled")
			.param(username == null ? "" : username).query(Row.class).optional();
		if (row.isEmpty()) {
			passwords.matches(password == null ? "" : password, dummyHash);
			return new Attempt(Outcome.REJECTED, null);
		}
		var user = accounts.load(row.get().id());
		if (row.get().lockedUntil() != null && row.get().lockedUntil().isAfter(Instant.now())) {
			record(user, "login.refused-locked");
			return new Attempt(Outcome.LOCKED, user);
		}
		if (password == null || !passwords.matches(password, row.get().passwordHash())) {
			return new Attempt(failed(user, "login.failed"), user);
		}
		db.sql("update staff_account set failed_logins = 0, locked_until = null where id = ?").param(user.id()).update();
		record(user, "login.password-accepted");
		return new Attempt(Outcome.ACCEPTED, user);
	}

	/** Checks a one-time code of an enrolled account; a wrong code counts as a failed sign-in. */
	public Outcome secondFactor(StaffUser user, String code) {
		record Row(byte[] totpSecret, Long totpLastStep, Instant lockedUntil) {
		}
		var row = db.sql("select totp_secret, totp_last_step, locked_until from staff_account where id = ?").param(user.id())
			.query(Row.class).single();
		if (row.lockedUntil() != null && row.lockedUntil().isAfter(Instant.now())) {
			return Outcome.LOCKED;
		}
		if (row.totpSecret() == null) {
			return Outcome.REJECTED;
		}
		long step = Totp.matchingStep(secrets.open(row.totpSecret(), "totp:" + user.id()), code, Instant.now());
		// the conditional update both accepts the step and makes sure no earlier or equal one is reused
		if (step < 0 || db.sql("""
				update staff_account set totp_last_step = ?, failed_logins = 0
				where id = ? and (totp_last_step is null or totp_last_step < ?)
				""").params(step, user.id(), step).update() == 0) {
			return failed(user, "login.second-factor-failed");
		}
		record(user, "login.succeeded");
		return Outcome.ACCEPTED;
	}

	/** Stores a confirmed TOTP secret: the code must match the secret before it replaces anything. */
	public boolean enrol(StaffUser user, byte[] secret, String code) {
		long step = Totp.matchingStep(secret, code, Instant.now());
		if (step < 0) {
			failed(user, "totp.enrolment-failed");
			return false;
		}
		db.sql("update staff_account set totp_secret = ?, totp_enrolled_at = now(), totp_last_step = ?, failed_logins = 0 where id = ?")
			.params(secrets.seal(secret, "totp:" + user.id()), step, user.id()).update();
		record(user, "totp.enrolled");
		return true;
	}

	/** Signs in without a second factor: for accounts whose roles do not need one. */
	public void completedWithoutSecondFactor(StaffUser user) {
		record(user, "login.succeeded");
	}

	public Optional<StaffUser> reload(StaffUser user) {
		return accounts.find(user.username());
	}

	private Outcome failed(StaffUser user, String action) {
		int failures = db.sql("update staff_account set failed_logins = failed_logins + 1 where id = ? returning failed_logins")
			.param(user.id()).query(Integer.class).single();
		record(user, action);
		if (failures >= MAX_FAILURES) {
			db.sql("update staff_account set failed_logins = 0, locked_until = ? where id = ?")
				.params(java.sql.Timestamp.from(Instant.now().plus(LOCK_TIME)), user.id()).update();
			record(user, "account.locked");
			return Outcome.LOCKED;
		}
		return Outcome.REJECTED;
	}

	/** Sign-in events go to the audit chain of every municipality the account works for. */
	private void record(StaffUser user, String action) {
		if (user.municipalities().isEmpty()) {
			return;
		}
		transactions.run(user.municipalities(), () -> user.municipalities()
			.forEach(code -> audit.record(new AuditEvent(code, action, "staff_account", user.username(), null, Map.of()))));
	}
}
