package madoguchi.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.madoguchi.platform.database.EmbeddedPostgres;

/**
 * Samples pg_stat_activity for one database: what each of the engine's server processes is doing — running,
 * waiting on a lock (and which statement waits), writing or flushing WAL, or idle inside a transaction
 * while the JVM thinks.
 */
final class ActivitySampler implements AutoCloseable {

	private static final long PERIOD_MILLIS = 5;
	private final Connection connection;
	private final String database;
	private final Map<String, Integer> states = new HashMap<>();
	private final Map<String, Integer> lockedStatements = new HashMap<>();
	private final Thread thread;
	private volatile boolean running = true;
	private int rounds;
	private int busy;

	ActivitySampler(EmbeddedPostgres postgres, String database) throws SQLException {
		this.connection = postgres.superuserConnection();
		this.database = database;
		thread = new Thread(this::loop, "bench-activity-sampler");
		thread.setDaemon(true);
		thread.start();
	}

	private void loop() {
		try (var query = connection.prepareStatement("""
				select state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 90)
				from pg_stat_activity
				where datname = ? and backend_type = 'client backend' and pid <> pg_backend_pid()
				  and state <> 'idle'
				""")) {
			query.setString(1, database);
			while (running) {
				try (var rows = query.executeQuery()) {
					synchronized (this) {
						rounds++;
						while (rows.next()) {
							busy++;
							String state = rows.getString(1);
							String type = rows.getString(2);
							String event = rows.getString(3);
							String bucket;
							if (!"active".equals(state)) {
								bucket = state + " (server waits for the JVM)";
							} else if (type == null) {
								bucket = "running";
							} else {
								bucket = type + ": " + event;
							}
							states.merge(bucket, 1, Integer::sum);
							if ("Lock".equals(type)) {
								lockedStatements.merge(rows.getString(4), 1, Integer::sum);
							}
						}
					}
				}
				TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
			}
		} catch (SQLException | InterruptedException e) {
			if (running) {
				System.err.println("activity sampler stopped: " + e);
			}
		}
	}

	/** Average number of the engine's server processes busy (not idle) at a sample. */
	synchronized double averageBusy() {
		return busy / (double) Math.max(1, rounds);
	}

	synchronized Map<String, Double> shares() {
		return sorted(states, busy);
	}

	synchronized Map<String, Double> lockWaiters() {
		return sorted(lockedStatements, busy);
	}

	private static Map<String, Double> sorted(Map<String, Integer> counts, int total) {
		var shares = new LinkedHashMap<String, Double>();
		counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(e -> shares.put(e.getKey(), e.getValue() / (double) Math.max(1, total)));
		return shares;
	}

	@Override
	public void close() throws InterruptedException, SQLException {
		running = false;
		thread.join(1_000);
		connection.close();
	}
}
