package org.madoguchi.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.madoguchi.platform.TenantScope;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out pooled connections with {@code madoguchi.tenants} set to the current {@link TenantScope}, so a
 * connection never carries a previous user's scope. The setting is written outside any transaction (a
 * pool checkout is in auto-commit), so no rollback can undo it; the data source therefore remembers what
 * each physical connection carries and skips the round trip when the scope is already the one wanted,
 * which on a busy city is most checkouts.
 */
class TenantScopedDataSource extends DelegatingDataSource {

	/** Keyed by the driver's connection (identity, weakly): the pool's proxy changes on every checkout. */
	private final Map<Object, String> carried = Collections.synchronizedMap(new WeakHashMap<>());

	TenantScopedDataSource(DataSource pool) {
		super(pool);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return scoped(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return scoped(super.getConnection(username, password));
	}

	private Connection scoped(Connection connection) throws SQLException {
		try {
			String scope = String.join(",", TenantScope.current());
			Object physical = connection.unwrap(PGConnection.class);
			boolean autoCommit = connection.getAutoCommit();
			if (autoCommit && scope.equals(carried.get(physical))) {
				return connection;
			}
			carried.remove(physical);
			try (var statement = connection.prepareStatement("select set_config('madoguchi.tenants', ?, false)")) {
				statement.setString(1, scope);
				statement.execute();
			}
			if (autoCommit) {
				carried.put(physical, scope);
			}
			return connection;
		} catch (SQLException | RuntimeException e) {
			connection.close();
			throw e;
		}
	}
}
