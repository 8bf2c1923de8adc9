package org.madoguchi.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import org.madoguchi.platform.Caller;
import org.madoguchi.platform.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipalities' audit trails. Modules call {@link #record} inside the transaction of the change it
 * describes, so an entry exists exactly when the change does.
 */
@Service
public class AuditTrail {

	/** Rows the driver fetches at a time while verifying, so millions of entries never sit in memory. */
	static final int VERIFY_FETCH_SIZE = 5_000;

	private final JdbcClient db;
	private final JdbcTemplate streaming;

	AuditTrail(JdbcClient db, DataSource dataSource) {
		this.db = db;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(VERIFY_FETCH_SIZE);
	}

	/**
	 * Appends an entry to the event's municipality chain, joining the caller's transaction if there is
	 * one. The chain head stays locked until that transaction ends, which serialises a city's writers:
	 * record late in long transactions.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		String municipality = event.municipality();
		if (!TenantScope.includes(municipality)) {
			throw new IllegalStateException("recording for municipality " + municipality + " outside its tenant scope");
		}
		db.sql("""
				insert into audit_chain_head (tenant_id, last_seq, last_hash) values (?, 0, ?)
				on conflict (tenant_id) do nothing
				""").params(municipality, ChainHash.GENESIS).update();
		var head = db.sql("select last_seq, last_hash from audit_chain_head where tenant_id = ? for update")
			.param(municipality).query((row, n) -> new Head(row.getLong(1), row.getBytes(2))).single();
		// the clock is read under the lock, so time order follows chain order
		var entry = new AuditEntry(head.seq() + 1, Instant.now().truncatedTo(ChronoUnit.MICROS), actor(),
				event.action(), event.subjectType(), event.subjectId(), event.reason(), event.details());
		byte[] hash = ChainHash.of(head.hash(), municipality, entry);
		db.sql("""
				insert into audit_entry (tenant_id, seq, at, actor, action, subject_type, subject_id, reason, details,
					prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
				""")
			.params(municipality, entry.id(), AuditRows.timestamp(entry.at()), entry.actor(), entry.action(),
					entry.subjectType(), entry.subjectId(), entry.reason(), AuditRows.json(entry.details()), head.hash(),
					hash)
			.update();
		db.sql("update audit_chain_head set last_seq = ?, last_hash = ? where tenant_id = ?")
			.params(entry.id(), hash, municipality).update();
	}

	/**
	 * Recomputes the municipality's chain from its first entry. Runs in a snapshot of its own so that
	 * entries committed meanwhile by other writers are neither half-seen nor mistaken for tampering.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainCheck verify(String municipality) {
		if (!TenantScope.includes(municipality)) {
			throw new IllegalStateException("verifying municipality " + municipality + " outside its tenant scope");
		}
		var head = db.sql("select last_seq, last_hash from audit_chain_head where tenant_id = ?").param(municipality)
			.query((row, n) -> new Head(row.getLong(1), row.getBytes(2))).optional().orElse(Head.EMPTY);
		var walk = new ChainWalk(municipality);
		streaming.query("select " + AuditRows.COLUMNS + ", prev_hash, hash from audit_entry where tenant_id = ? order by seq",
				walk, municipality);
		return walk.against(head);
	}

	/** The signed-in staff member, else whoever Spring Security authenticated, else the system itself. */
	private static String actor() {
		var caller = Caller.current();
		if (caller.isPresent()) {
			return caller.get().username();
		}
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken) && authentication.getName() != null) {
			return authentication.getName();
		}
		return "system";
	}
}
