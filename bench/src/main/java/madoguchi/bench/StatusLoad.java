package madoguchi.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Concurrent HTTP clients (each one keep-alive connection, see {@link KeepAliveClient}) asking one URL
 * after another for a fixed time, as residents checking their status would: requests per second and latency percentiles, the same way for the status look-up and for
 * a trivial endpoint of the same application (the baseline the look-up is compared with).
 * <p>
 * The clients are virtual threads. As 32 platform threads they shared the two cores with the server through
 * the operating system's scheduler, which let a few clients go back and forth with the server while the others,
 * their answers already written, waited up to 100 ms and more for a core: the static file's p50 was 0.3 ms
 * against a mean of 7 ms, and its p99 (75-180 ms) measured that wait, not the server. As virtual threads they
 * take their turns in order on the JVM's scheduler, as remote clients would each get their answer, and the
 * server's work is the same.
 */
final class StatusLoad {

	record Result(String name, long requests, long failures, double perSecond, double p50Millis, double p99Millis) {
	}

	private StatusLoad() {
	}

	static Result run(String name, List<String> urls, int clients, Duration duration) throws Exception {
		long end = System.nanoTime() + duration.toNanos();
		List<Future<long[]>> futures = new ArrayList<>();
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				futures.add(pool.submit(() -> {
					var latencies = new long[1 << 16];
					int n = 0;
					long failures = 0;
					try (var client = new KeepAliveClient(URI.create(urls.get(0)))) {
						while (System.nanoTime() < end) {
							var url = URI.create(urls.get(ThreadLocalRandom.current().nextInt(urls.size())));
							long t = System.nanoTime();
							int status = client.get(url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
							long took = System.nanoTime() - t;
							if (status != 200) {
								failures++;
							}
							if (n == latencies.length) {
								latencies = Arrays.copyOf(latencies, n * 2);
							}
							latencies[n++] = took;
						}
					}
					var result = Arrays.copyOf(latencies, n + 1);
					result[n] = failures;
					return result;
				}));
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		var all = new ArrayList<Long>();
		long failures = 0;
		for (var future : futures) {
			long[] result = future.get();
			failures += result[result.length - 1];
			for (int i = 0; i < result.length - 1; i++) {
				all.add(result[i]);
			}
		}
		long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
		return new Result(name, sorted.length, failures, sorted.length / seconds, percentile(sorted, 0.50) / 1e6,
				percentile(sorted, 0.99) / 1e6);
	}

	private static double percentile(long[] sorted, double p) {
		return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}
}
