package org.madoguchi.audit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading a municipality's audit trail, as an auditor does: filtered, newest first, a page at a time. */
@Service
public class AuditLog {

	public static final int MAX_PAGE_SIZE = 200;

	private final JdbcClient db;
	private final AuditChainer chainer;
	private final TransactionTemplate snapshot;

	AuditLog(JdbcClient db, AuditChainer chainer, PlatformTransactionManager transactions) {
		this.db = db;
		this.chainer = chainer;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/**
	 * Page {@code page} (from 0) of {@code size} entries, numbered: what has been committed is chained
	 * first. Count and page come from one snapshot, so the total always agrees with the entries shown.
	 */
	public AuditPage find(String municipality, AuditFilter filter, int page, int size) {
		if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
			throw new IllegalArgumentException("page from 0, size from 1 to " + MAX_PAGE_SIZE);
		}
		chainer.catchUp(municipality);
		return snapshot.execute(status -> read(municipality, filter, page, size));
	}

	private AuditPage read(String municipality, AuditFilter filter, int page, int size) {
		// only fixed fragments are joined; every value is a bound parameter
		var where = new StringBuilder("tenant_id = ?");
		List<Object> params = new ArrayList<>(List.of(municipality));
		if (filter.from() != null) {
			where.append(" and at >= ?");
			params.add(AuditRows.timestamp(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and at < ?");
			params.add(AuditRows.timestamp(filter.to()));
		}
		condition(where, params, "actor", filter.actor());
		condition(where, params, "action", filter.action());
		condition(where, params, "subject_type", filter.subjectType());
		condition(where, params, "subject_id", filter.subjectId());
		long total = db.sql("select count(*) from audit_entry where " + where).params(params)
			.query(Long.class).single();
		if (total == 0 || (long) page * size >= total) {
			return new AuditPage(total, List.of());
		}
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		var items = db.sql("select " + AuditRows.COLUMNS + " from audit_entry where " + where
				+ " order by at desc, id desc limit ? offset ?")
			.params(pageParams).query((row, n) -> AuditRows.entry(row)).list();
		return new AuditPage(total, items);
	}

	private static void condition(StringBuilder where, List<Object> params, String column, String value) {
		if (value != null) {
			where.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}
}
