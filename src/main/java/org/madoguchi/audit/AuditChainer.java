package org.madoguchi.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.madoguchi.platform.AfterCommit;
import org.madoguchi.platform.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed entries into their municipality's hash chain (decision 0007). Writers only insert; the
 * chain head's lock is taken here, once per batch, so a city's state changes no longer run one at a time.
 * One background thread chains after each commit that recorded something, and every few seconds looks
 * again at the cities it has seen, which picks up entries whose wake-up was lost (a failed batch, another
 * node's crash between commit and chaining). Readers that need numbers call {@link #catchUp} first.
 */
@Component
class AuditChainer implements DisposableBean {

	static final int BATCH = 2_000;
	private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

	private final JdbcClient db;
	private final TransactionTemplate ownTransaction;
	private final Set<String> waiting = ConcurrentHashMap.newKeySet();
	private final Set<String> seen = ConcurrentHashMap.newKeySet();
	private final AtomicBoolean draining = new AtomicBoolean();
	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(work -> {
		var chainer = new Thread(work, "audit-chainer");
		chainer.setDaemon(true);
		return chainer;
	});

	AuditChainer(JdbcClient db, PlatformTransactionManager transactions,
			@Value("${madoguchi.audit.sweep-seconds:5}") long sweepSeconds) {
		this.db = db;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		thread.scheduleWithFixedDelay(this::sweep, sweepSeconds, sweepSeconds, TimeUnit.SECONDS);
	}

	/** Chains the municipality's new entries once the current transaction commits (at once without one). */
	void chainAfterCommit(String municipality) {
		AfterCommit.run(() -> wake(municipality));
	}

	/**
	 * Chains every entry of the municipality committed so far, in transactions of its own, and returns
	 * when done. Entries of transactions still running are left for their own commit.
	 */
	void catchUp(String municipality) {
		try (var scope = TenantScope.open(municipality)) {
			while (Boolean.TRUE.equals(ownTransaction.execute(status -> chainBatch(municipality)))) {
				// a full batch: there may be more
			}
		}
	}

	/** One batch under the head's lock; true when the batch was full. */
	private boolean chainBatch(String municipality) {
		var head = lockHead(municipality);
		var entries = db.sql("select " + AuditRows.PENDING_COLUMNS
				+ " from audit_entry where tenant_id = ? and seq is null order by id limit ?")
			.params(municipality, BATCH).query((row, n) -> AuditRows.pending(row)).list();
		if (entries.isEmpty()) {
			return false;
		}
		int count = entries.size();
		long[] ids = new long[count];
		long[] numbers = new long[count];
		byte[][] previous = new byte[count][];
		byte[][] hashes = new byte[count][];
		byte[] last = head.hash();
		long seq = head.seq();
		for (int i = 0; i < count; i++) {
			var pending = entries.get(i);
			ids[i] = pending.rowId();
			numbers[i] = ++seq;
			previous[i] = last;
			last = ChainHash.of(last, municipality, pending.numbered(seq));
			hashes[i] = last;
		}
		db.sql("""
				update audit_entry e set seq = u.seq, prev_hash = u.prev_hash, hash = u.hash
				from unnest(?::bigint[], ?::bigint[], ?::bytea[], ?::bytea[]) as u(id, seq, prev_hash, hash)
				where e.tenant_id = ? and e.id = u.id
				""").params(ids, numbers, previous, hashes, municipality).update();
		db.sql("update audit_chain_head set last_seq = ?, last_hash = ? where tenant_id = ?")
			.params(seq, last, municipality).update();
		return count == BATCH;
	}

	private Head lockHead(String municipality) {
		var head = db.sql("select last_seq, last_hash from audit_chain_head where tenant_id = ? for update")
			.param(municipality).query((row, n) -> new Head(row.getLong(1), row.getBytes(2))).optional();
		if (head.isPresent()) {
			return head.get();
		}
		db.sql("insert into audit_chain_head (tenant_id, last_seq, last_hash) values (?, 0, ?) on conflict do nothing")
			.params(municipality, ChainHash.GENESIS).update();
		return db.sql("select last_seq, last_hash from audit_chain_head where tenant_id = ? for update")
			.param(municipality).query((row, n) -> new Head(row.getLong(1), row.getBytes(2))).single();
	}

	private void wake(String municipality) {
		seen.add(municipality);
		waiting.add(municipality);
		if (draining.compareAndSet(false, true)) {
			thread.execute(this::drain);
		}
	}

	/** Commits that arrive while a batch runs pile up in {@code waiting} and go into the next batch. */
	private void drain() {
		do {
			for (String municipality : new ArrayList<>(waiting)) {
				waiting.remove(municipality);
				chainQuietly(municipality);
			}
			draining.set(false);
		} while (!waiting.isEmpty() && draining.compareAndSet(false, true));
	}

	private void sweep() {
		for (String municipality : List.copyOf(seen)) {
			try {
				boolean pending = TenantScope.call(List.of(municipality), () -> db
					.sql("select exists (select 1 from audit_entry where tenant_id = ? and seq is null)")
					.param(municipality).query(Boolean.class).single());
				if (pending) {
					catchUp(municipality);
				}
			} catch (RuntimeException e) {
				// a sweep that throws would never be scheduled again
				log.warn("audit sweep of {} failed: {}", municipality, e.toString());
			}
		}
	}

	private void chainQuietly(String municipality) {
		try {
			catchUp(municipality);
		} catch (RuntimeException e) {
			// the entries stay committed and unchained; the next wake-up or sweep retries them
			log.warn("audit entries of {} not chained yet: {}", municipality, e.toString());
		}
	}

	@Override
	public void destroy() {
		thread.shutdownNow();
	}
}
