package madoguchi.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A poor man's profiler for the worker threads: every few milliseconds it looks at each worker's stack and
 * files the sample under what the thread is doing — waiting for PostgreSQL (and in which engine method),
 * committing, waiting for a pooled connection, idle on an empty queue, or running Java code (and where).
 */
final class ThreadSampler implements AutoCloseable {

	private static final long PERIOD_MILLIS = 5;
	private final Map<String, Integer> buckets = new HashMap<>();
	private final Thread thread;
	private volatile boolean running = true;
	private int samples;

	ThreadSampler() {
		thread = new Thread(this::loop, "bench-thread-sampler");
		thread.setDaemon(true);
		thread.start();
	}

	private void loop() {
		while (running) {
			for (var entry : Thread.getAllStackTraces().entrySet()) {
				if (entry.getKey().getName().startsWith(Pipeline.WORKER_PREFIX) && entry.getValue().length > 0) {
					String bucket = classify(entry.getValue());
					synchronized (this) {
						buckets.merge(bucket, 1, Integer::sum);
						samples++;
					}
				}
			}
			try {
				TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	static String classify(StackTraceElement[] stack) {
		String engineFrame = null;
		boolean socket = false;
		boolean commit = false;
		boolean pool = false;
		boolean parked = false;
		for (int i = 0; i < stack.length; i++) {
			String type = stack[i].getClassName();
			String method = stack[i].getMethodName();
			if (i < 25 && (type.startsWith("sun.nio.ch.") || type.startsWith("java.net.Socket") || type.contains("NioSocketImpl"))) {
				socket = true;
			}
			if (type.equals("org.postgresql.jdbc.PgConnection") && (method.equals("commit") || method.equals("rollback"))) {
				commit = true;
			}
			if (type.startsWith("com.zaxxer.hikari.pool.HikariPool") && method.equals("getConnection")) {
				pool = true;
			}
			if (engineFrame == null && (type.startsWith("org.madoguchi.") || type.startsWith("org.flowable.")) && !type.contains("$$")) {
				engineFrame = type.substring(type.lastIndexOf('.') + 1) + "." + method;
			}
			if (type.equals("java.util.concurrent.locks.LockSupport") && engineFrame == null) {
				parked = true;
			}
			if (type.startsWith("madoguchi.bench.")) {
				break;
			}
		}
		if (parked && engineFrame == null) {
			return "idle: queue empty, waiting to ask again";
		}
		if (pool && !socket) {
			return "wait: pooled connection";
		}
		if (commit) {
			return "db: commit";
		}
		// no engine frame yet: inside the Spring proxy of a service, beginning or ending its transaction
		String where = engineFrame == null ? "transaction boundary" : engineFrame;
		return (socket ? "db: " : "cpu: ") + where;
	}

	/** The buckets as shares of all samples, largest first. */
	synchronized Map<String, Double> shares() {
		var shares = new java.util.LinkedHashMap<String, Double>();
		buckets.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.forEach(e -> shares.put(e.getKey(), e.getValue() / (double) Math.max(1, samples)));
		return shares;
	}

	@Override
	public void close() throws InterruptedException {
		running = false;
		thread.join(1_000);
	}
}
