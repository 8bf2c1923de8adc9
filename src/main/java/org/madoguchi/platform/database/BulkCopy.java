package org.madoguchi.platform.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes rows through {@code COPY ... FROM STDIN} in PostgreSQL's text format, the fastest way to load many
 * rows. It runs on the connection of the caller's transaction, which the tenant-scoped data source opened
 * under the caller's scope. PostgreSQL refuses COPY into a table under row-level security, so tenant data is
 * COPY'd into a temporary table and moved on with {@code INSERT ... SELECT}, where the policies apply.
 *
 * <pre>{@code
 * try (var copy = BulkCopy.into(dataSource, "copy t (a, b) from stdin")) {
 *     copy.text("x").date(day).endRow();
 *     long rows = copy.finish();
 * }
 * }</pre>
 */
public final class BulkCopy implements AutoCloseable {

	private static final HexFormat HEX = HexFormat.of();

	private final DataSource dataSource;
	private final Connection connection;
	private final PGCopyOutputStream stream;
	/** Rows are built here and sent in large pieces: a write per character would cost more than the COPY. */
	private final StringBuilder out = new StringBuilder(1 << 17);
	private boolean first = true;
	private boolean finished;

	private BulkCopy(DataSource dataSource, Connection connection, PGCopyOutputStream stream) {
		this.dataSource = dataSource;
		this.connection = connection;
		this.stream = stream;
	}

	/** Starts a COPY; there must be a transaction, so that the rows commit or vanish together with the rest. */
	public static BulkCopy into(DataSource dataSource, String copySql) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("a bulk copy runs inside the transaction it belongs to");
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return new BulkCopy(dataSource, connection, new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql));
		} catch (SQLException e) {
			DataSourceUtils.releaseConnection(connection, dataSource);
			throw new IllegalStateException("COPY could not start: " + e.getMessage(), e);
		}
	}

	/** Text, or null for SQL NULL. The format's escapes are applied, so any text is safe. */
	public BulkCopy text(String value) {
		separate();
		if (value == null) {
			write("\\N");
			return this;
		}
		if (plain(value)) {
			out.append(value);
			return this;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return this;
	}

	public BulkCopy date(LocalDate value) {
		separate();
		write(value == null ? "\\N" : value.toString());
		return this;
	}

	public BulkCopy number(long value) {
		separate();
		write(Long.toString(value));
		return this;
	}

	/** A number that may be absent (SQL NULL). */
	public BulkCopy number(Long value) {
		if (value == null) {
			separate();
			write("\\N");
			return this;
		}
		return number(value.longValue());
	}

	/** A bytea value in hex form; the backslash of {@code \x} is itself escaped for the text format. */
	public BulkCopy bytes(byte[] value) {
		separate();
		write(value == null ? "\\N" : "\\\\x" + HEX.formatHex(value));
		return this;
	}

	public BulkCopy endRow() {
		out.append('\n');
		first = true;
		if (out.length() >= 1 << 16) {
			send();
		}
		return this;
	}

	/** Ends the COPY and answers the number of rows the server took. */
	public long finish() {
		try {
			send();
			finished = true;
			return stream.endCopy();
		} catch (SQLException e) {
			throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
		}
	}

	/** Cancels a COPY that was not finished (the transaction then fails) and hands the connection back. */
	@Override
	public void close() {
		try {
			if (!finished && stream.isActive()) {
				stream.cancelCopy();
			}
		} catch (SQLException e) {
			// the transaction rolls back anyway; the original failure matters more than this one
		} finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private void separate() {
		if (!first) {
			write("\t");
		}
		first = false;
	}

	private static boolean plain(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
				return false;
			}
		}
		return true;
	}

	private void write(String text) {
		out.append(text);
	}

	private void send() {
		byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
		out.setLength(0);
		try {
			stream.writeToCopy(bytes, 0, bytes.length);
		} catch (SQLException e) {
			throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
		}
	}
}
