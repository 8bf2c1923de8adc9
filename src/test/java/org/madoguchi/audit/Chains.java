package org.madoguchi.audit;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.madoguchi.platform.TenantScope;
import org.madoguchi.platform.database.EmbeddedPostgresHolder;

/**
 * Test chains and the intruder who tampers with them. Tampering tests work on municipality codes of their
 * own (the 9xxxxx range, no real city), so a chain they break is never one another test relies on.
 */
final class Chains {

	private static final AtomicInteger NEXT = new AtomicInteger(900_000);

	private final AuditTrail trail;
	private final EmbeddedPostgresHolder postgres;

	Chains(AuditTrail trail, EmbeddedPostgresHolder postgres) {
		this.trail = trail;
		this.postgres = postgres;
	}

	/** A municipality code no other test uses. */
	static String freshMunicipality() {
		return Integer.toString(NEXT.incrementAndGet());
	}

	/** A fresh, fully chained chain of {@code entries} entries whose reasons are "reason 1", "reason 2" … */
	String chainOf(int entries) {
		String municipality = freshMunicipality();
		try (var scope = TenantScope.open(municipality)) {
			for (int i = 1; i <= entries; i++) {
				trail.record(AuditEvent.of(municipality, "case.keyed", "case", "C-" + i).because("reason " + i)
					.with("step", Integer.toString(i)));
			}
			// verifying chains what was committed: the intruder below tampers with numbered entries
			trail.verify(municipality);
		}
		return municipality;
	}

	ChainCheck verify(String municipality) {
		try (var scope = TenantScope.open(municipality)) {
			return trail.verify(municipality);
		}
	}

	/**
	 * Runs SQL as a database superuser with triggers off ({@code session_replication_role = replica}), as
	 * an administrator covering their tracks would; row-level security does not apply to them either.
	 */
	void tamper(String sql, Object... parameters) {
		try (var connection = postgres.running().orElseThrow().superuserConnection();
				var statement = connection.createStatement()) {
			statement.execute("set session_replication_role = replica");
			try (var tampering = connection.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					tampering.setObject(i + 1, parameters[i]);
				}
				tampering.executeUpdate();
			}
		} catch (SQLException e) {
			throw new IllegalStateException("tampering failed: " + e.getMessage(), e);
		}
	}
}
