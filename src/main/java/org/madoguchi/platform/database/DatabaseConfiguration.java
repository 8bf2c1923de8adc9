package org.madoguchi.platform.database;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One PostgreSQL for everything: the embedded server unless {@code MADOGUCHI_DB_URL} names another.
 * Either way the app refuses to run as a role that row-level security would not apply to.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	DatabaseConnection databaseConnection(@Value("${madoguchi.db.url:}") String url,
			@Value("${madoguchi.db.user:}") String user, @Value("${madoguchi.db.password:}") String password,
			@Value("${madoguchi.data-dir}") Path dataDir, EmbeddedPostgresHolder embedded)
			throws IOException {
		if (!url.isBlank()) {
			return new DatabaseConnection(url, user, password, false);
		}
		var postgres = embedded.start(dataDir);
		return new DatabaseConnection(postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword(), true);
	}

	@Bean
	EmbeddedPostgresHolder embeddedPostgresHolder() {
		return new EmbeddedPostgresHolder();
	}

	@Bean(destroyMethod = "close")
	HikariDataSource connectionPool(DatabaseConnection connection, @Value("${madoguchi.db.pool-size:20}") int poolSize) {
		var config = new HikariConfig();
		config.setJdbcUrl(connection.url());
		config.setUsername(connection.user());
		config.setPassword(connection.password());
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("madoguchi");
		config.addDataSourceProperty("ApplicationName", "madoguchi");
		var pool = new HikariDataSource(config);
		RowLevelSecurityGuard.check(pool);
		return pool;
	}

	@Bean
	@Primary
	DataSource dataSource(HikariDataSource connectionPool) {
		return new TenantScopedDataSource(connectionPool);
	}

	@Bean
	JdbcClient jdbcClient(DataSource dataSource) {
		return JdbcClient.create(dataSource);
	}
}
