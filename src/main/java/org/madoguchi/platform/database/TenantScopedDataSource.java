package org.madoguchi.platform.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.madoguchi.platform.TenantScope;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out pooled connections with {@code madoguchi.tenants} set to the current {@link TenantScope}.
 * The setting is written on every checkout, so a connection never carries a previous user's scope.
 */
class TenantScopedDataSource extends DelegatingDataSource {

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

	private static Connection scoped(Connection connection) throws SQLException {
		try (var statement = connection.prepareStatement("select set_config('madoguchi.tenants', ?, false)")) {
			statement.setString(1, String.join(",", TenantScope.current()));
			statement.execute();
			return connection;
		} catch (SQLException | RuntimeException e) {
			connection.close();
			throw e;
		}
	}
}
