package org.madoguchi.platform.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 18 server of the app's own, for `mvn spring-boot:run` and the tests: no install, data kept
 * in a folder between runs. The app connects as {@value #APP_ROLE}, an ordinary role that row-level
 * security applies to; the superuser is only for creating it (and for tests that play an intruder).
 */
public final class EmbeddedPostgres implements AutoCloseable {

	static final String APP_ROLE = "madoguchi";
	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	private final Path binaries;
	private final Path cluster;
	private final int port;
	private final Properties credentials;

	private EmbeddedPostgres(Path binaries, Path cluster, int port, Properties credentials) {
		this.binaries = binaries;
		this.cluster = cluster;
		this.port = port;
		this.credentials = credentials;
	}

	/** Starts (creating on first use) the cluster under {@code home}/pg. */
	public static EmbeddedPostgres start(Path home) throws IOException {
		Files.createDirectories(home);
		Path binaries = PostgresBinaries.unpacked();
		Path cluster = home.toAbsolutePath().resolve("pg");
		Properties credentials = credentials(home.resolve("db-credentials.properties"));
		if (!Files.exists(cluster.resolve("PG_VERSION"))) {
			Path pwfile = Files.createTempFile(home, "pw", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			try {
				Files.writeString(pwfile, credentials.getProperty("superuser.password"));
				run(binaries, "initdb", "-D", cluster.toString(), "-U", "postgres", "-E", "UTF8", "--locale=C",
						"-A", "scram-sha-256", "--pwfile=" + pwfile);
			} finally {
				Files.deleteIfExists(pwfile);
			}
		}
		var postgres = new EmbeddedPostgres(binaries, cluster, freePort(), credentials);
		postgres.stopOrphan();
		run(binaries, "pg_ctl", "-D", cluster.toString(), "-w", "-t", "60", "-l", home.toAbsolutePath().resolve("pg.log").toString(),
				"-o", "-p " + postgres.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200",
				"start");
		postgres.createAppRole();
		log.info("Embedded PostgreSQL 18 running on 127.0.0.1:{} with data in {}", postgres.port, cluster);
		return postgres;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/madoguchi";
	}

	public String appUser() {
		return APP_ROLE;
	}

	public String appPassword() {
		return credentials.getProperty("app.password");
	}

	/** For tests that must act as a database administrator would, e.g. to tamper with the audit trail. */
	public java.sql.Connection superuserConnection() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", credentials.getProperty("superuser.password"));
	}

	public Path dataDirectory() {
		return cluster;
	}

	@Override
	public void close() {
		try {
			run(binaries, "pg_ctl", "-D", cluster.toString(), "-m", "fast", "-w", "stop");
		} catch (IOException e) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
		}
	}

	/** A JVM killed without its shutdown hook leaves its server running on the same folder. */
	private void stopOrphan() throws IOException {
		if (Files.exists(cluster.resolve("postmaster.pid"))) {
			try {
				run(binaries, "pg_ctl", "-D", cluster.toString(), "-m", "fast", "-w", "stop");
				log.warn("Stopped a PostgreSQL server left running on {}", cluster);
			} catch (IOException notRunning) {
				// a stale pid file with no server behind it: postgres removes it on start
			}
		}
	}

	private void createAppRole() throws IOException {
		try (var admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
				credentials.getProperty("superuser.password")); var statement = admin.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + APP_ROLE + "'").next();
			if (!exists) {
				statement.execute("create role " + APP_ROLE + " login nosuperuser nobypassrls password '"
						+ credentials.getProperty("app.password") + "'");
			}
			if (!statement.executeQuery("select 1 from pg_database where datname = 'madoguchi'").next()) {
				statement.execute("create database madoguchi owner " + APP_ROLE + " encoding 'UTF8' template template0");
			}
		} catch (SQLException e) {
			throw new IOException("could not prepare the embedded database: " + e.getMessage(), e);
		}
	}

	private static Properties credentials(Path file) throws IOException {
		var properties = new Properties();
		if (Files.exists(file)) {
			try (var in = Files.newInputStream(file)) {
				properties.load(in);
			}
			return properties;
		}
		properties.setProperty("superuser.password", randomSecret());
		properties.setProperty("app.password", randomSecret());
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try (var out = Files.newOutputStream(file)) {
			properties.store(out, "Embedded PostgreSQL passwords, generated on first start");
		}
		return properties;
	}

	private static String randomSecret() {
		var bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** PostgreSQL refuses to run as root; in a user namespace of its own it runs as "nobody" instead. */
	private static void run(Path binaries, String program, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		if (isRoot()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(binaries.resolve("bin").resolve(program).toString());
		command.addAll(List.of(args));
		var process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output;
		try (var in = process.getInputStream()) {
			output = new String(in.readAllBytes());
		}
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException(program + " failed: " + output.strip());
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException(program + " interrupted", e);
		}
	}

	private static boolean isRoot() {
		return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
	}
}
