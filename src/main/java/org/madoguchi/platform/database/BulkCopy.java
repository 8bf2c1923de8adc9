package org.madoguchi.platform.database;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;

import javax.sql.DataSource;

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

	private final CopyStream stream;
	/** Rows are built here and sent in large pieces: a write per character would cost more than the COPY. */
	private final StringBuilder out = new StringBuilder(1 << 17);
	private boolean first = true;

	private BulkCopy(CopyStream stream) {
		this.stream = stream;
	}

	/** Starts a COPY; there must be a transaction, so that the rows commit or vanish together with the rest. */
	public static BulkCopy into(DataSource dataSource, String copySql) {
		return new BulkCopy(CopyStream.start(dataSource, copySql));
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
		send();
		return stream.finish();
	}

	/** Cancels a COPY that was not finished (the transaction then fails) and hands the connection back. */
	@Override
	public void close() {
		stream.close();
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
		stream.write(bytes, bytes.length);
	}
}
