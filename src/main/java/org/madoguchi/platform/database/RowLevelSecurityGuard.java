package org.madoguchi.platform.database;

import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Superusers and roles with BYPASSRLS ignore row-level security, so a city's data would rest on the Java
 * code alone. Starting on such a role is a configuration error, said at once rather than found in an audit.
 */
final class RowLevelSecurityGuard {

	private RowLevelSecurityGuard() {
	}

	static void check(DataSource dataSource) {
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
				var result = statement.executeQuery("select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
			result.next();
			if (result.getBoolean(2) || result.getBoolean(3)) {
				throw new IllegalStateException("Database role '" + result.getString(1)
						+ "' is a superuser or bypasses row-level security; give MADOGUCHI_DB_USER an ordinary role"
						+ " (see README, 'External PostgreSQL')");
			}
		} catch (SQLException e) {
			throw new IllegalStateException("Cannot reach the database: " + e.getMessage(), e);
		}
	}
}
