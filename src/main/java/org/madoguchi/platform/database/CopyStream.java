package org.madoguchi.platform.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@code COPY ... FROM STDIN} on the connection of the caller's transaction, for {@link BulkCopy} (text
 * format) and {@link BinaryCopy}: how it starts, takes bytes, ends, and gives the connection back.
 */
final class CopyStream implements AutoCloseable {

	private final DataSource dataSource;
	private final Connection connection;
	private final PGCopyOutputStream stream;
	private boolean finished;

	private CopyStream(DataSource dataSource, Connection connection, PGCopyOutputStream stream) {
		this.dataSource = dataSource;
		this.connection = connection;
		this.stream = stream;
	}

	/** Starts a COPY; there must be a transaction, so that the rows commit or vanish together with the rest. */
	static CopyStream start(DataSource dataSource, String copySql) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("a bulk copy runs inside the transaction it belongs to");
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return new CopyStream(dataSource, connection, new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql));
		} catch (SQLException e) {
			DataSourceUtils.releaseConnection(connection, dataSource);
			throw new IllegalStateException("COPY could not start: " + e.getMessage(), e);
		}
	}

	void write(byte[] bytes, int length) {
		try {
			stream.writeToCopy(bytes, 0, length);
		} catch (SQLException e) {
			throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
		}
	}

	/** Ends the COPY and answers the number of rows the server took. */
	long finish() {
		try {
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
}
