package madoguchi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;


/**
 * `bench/run benefits`: a generated city from register to payment file, in one JVM on the embedded PostgreSQL
 * (see docs/benchmarks.md). Each run loads the same city into another demo municipality, so runs never see
 * each other's rows; the figures are the runs' medians.
 */
public final class BenefitsBenchmark {

	static final String USAGE = "usage: bench/run benefits [--residents N] [--runs N] [--percent-applying N]";

	public static void main(String[] args) throws Exception {
		int residents = 1_500_000;
		int runs = 3;
		int applying = 93;
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--residents" -> residents = Integer.parseInt(args[++i]);
				case "--runs" -> runs = Math.min(3, Integer.parseInt(args[++i]));
				case "--percent-applying" -> applying = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException(USAGE);
			}
		}
		Path work = Files.createTempDirectory("madoguchi-bench-benefits");
		long started = System.nanoTime();
		try {
			var city = CityFiles.register(work.resolve("register.csv"), residents, "");
			log(started, "generated %,d residents in %,d households (%,d MB)", city.residents(), city.households(),
					Files.size(city.file()) >> 20);
			try (var app = MadoguchiEngine.start(work.resolve("data"), 20, false)) {
				log(started, "application started");
				var results = new ArrayList<BenefitsRun.Result>();
				for (int run = 0; run < runs; run++) {
					String municipality = MadoguchiEngine.DEMO_CITIES.get(run);
					var result = new BenefitsRun(app, municipality, city, work, applying, started).run();
					results.add(result);
				}
				BenefitsRun.Result.print(results);
			}
		} finally {
			try (var files = Files.walk(work)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	static void log(long started, String format, Object... values) {
		System.out.printf(Locale.ROOT, "[bench %6.1f s] %s%n", (System.nanoTime() - started) / 1e9, String.format(Locale.ROOT, format, values));
	}

	private BenefitsBenchmark() {
	}
}
