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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The municipalities' audit trails. Modules call {@link #record} inside the transaction of the change it
 * describes, so an entry exists exactly when the change does; the hash chain links entries in the order
 * they are chained, right after their commit.
 */
@Service
public class AuditTrail {

	/** Rows the driver fetches at a time while verifying, so millions of entries never sit in memory. */
	static final int VERIFY_FETCH_SIZE = 5_000;

	private final JdbcClient db;
	private final JdbcTemplate streaming;
	private final AuditChainer chainer;
	private final TransactionTemplate snapshot;

	AuditTrail(JdbcClient db, DataSource dataSource, AuditChainer chainer, PlatformTransactionManager transactions) {
		this.db = db;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(VERIFY_FETCH_SIZE);
		this.chainer = chainer;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/**
	 * Adds an entry to the event's municipality trail, joining the caller's transaction if there is one,
	 * so the entry exists exactly when the change does. It is linked into the hash chain right after
	 * commit by the {@link AuditChainer}; writers take no shared lock.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		String municipality = event.municipality();
		if (!TenantScope.includes(municipality)) {
			throw new IllegalStateException("recording for municipality " + municipality + " outside its tenant scope");
		}
		db.sql("""
				insert into audit_entry (tenant_id, at, actor, action, subject_type, subject_id, reason, details)
				values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
				""")
			.params(municipality, AuditRows.timestamp(Instant.now().truncatedTo(ChronoUnit.MICROS)), actor(),
					event.action(), event.subjectType(), event.subjectId(), event.reason(), AuditRows.json(event.details()))
			.update();
		chainer.chainAfterCommit(municipality);
	}

	/**
	 * Recomputes the municipality's chain from its first entry, after chaining what has been committed.
	 * The walk runs in a snapshot of its own so that entries committed meanwhile by other writers are
	 * neither half-seen nor mistaken for tampering; entries not yet chained in that snapshot are not part
	 * of the chain yet and are not counted.
	 */
	public ChainCheck verify(String municipality) {
		if (!TenantScope.includes(municipality)) {
			throw new IllegalStateException("verifying municipality " + municipality + " outside its tenant scope");
		}
		chainer.catchUp(municipality);
		return snapshot.execute(status -> walk(municipality));
	}

	private ChainCheck walk(String municipality) {
		var head = db.sql("select last_seq, last_hash from audit_chain_head where tenant_id = ?").param(municipality)
			.query((row, n) -> new Head(row.getLong(1), row.getBytes(2))).optional().orElse(Head.EMPTY);
		var walk = new ChainWalk(municipality);
		streaming.query("select " + AuditRows.COLUMNS + ", prev_hash, hash from audit_entry"
				+ " where tenant_id = ? and seq is not null order by seq", walk, municipality);
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
