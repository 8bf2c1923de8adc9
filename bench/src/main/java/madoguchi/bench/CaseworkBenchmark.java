package madoguchi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import madoguchi.bench.Pipeline.Workers;

/**
 * `bench/run casework`: Madoguchi's case intake throughput, and the three-step lifecycle (intake → check →
 * decide) done by Madoguchi and by Flowable 7.2 with the same workers, in one JVM on one embedded
 * PostgreSQL. Prints medians of the measured runs and ends with {@code ratio_vs_flowable=X.XX}.
 */
public final class CaseworkBenchmark {

	private final Settings settings;
	private final Workers workers;
	private final Map<String, List<Pipeline.Result>> results = new LinkedHashMap<>();
	private final Map<String, SqlCounter.Snapshot> lifecycleSql = new LinkedHashMap<>();
	private final List<String> report = new ArrayList<>();
	/** Per engine over its measured lifecycle runs: JVM ms, PostgreSQL ms, busy machine seconds, seconds. */
	private final Map<String, double[]> cpuTotals = new LinkedHashMap<>();
	private CpuMeter cpu;

	private CaseworkBenchmark(Settings settings) {
		this.settings = settings;
		this.workers = Workers.split(settings.workers());
	}

	public static void main(String[] args) throws Exception {
		Settings settings;
		try {
			settings = Settings.parse(args);
		} catch (IllegalArgumentException e) {
			System.err.println(e.getMessage());
			System.exit(64);
			return;
		}
		int status = new CaseworkBenchmark(settings).run();
		System.exit(status);
	}

	private int run() throws Exception {
		Path dataDir = Files.createTempDirectory("madoguchi-bench-");
		var open = new ArrayList<Engine>();
		var cleaned = new AtomicBoolean();
		Runnable cleanup = () -> {
			if (cleaned.compareAndSet(false, true)) {
				for (int i = open.size() - 1; i >= 0; i--) {
					try {
						open.get(i).close();
					} catch (RuntimeException e) {
						System.err.println("closing " + open.get(i).name() + ": " + e);
					}
				}
				delete(dataDir);
			}
		};
		Runtime.getRuntime().addShutdownHook(new Thread(cleanup, "bench-cleanup"));
		startWatchdog();
		System.out.printf(Locale.ROOT, "casework benchmark (%s): %d cases per run, %d runs, %d workers (intake/check/decide %s),"
				+ " %d cores, Java %s%n", settings.quick() ? "quick" : "full", settings.cases(), settings.runs(), workers.total(), workers,
				Runtime.getRuntime().availableProcessors(), Runtime.version());
		long began = System.nanoTime();
		try {
			var madoguchi = MadoguchiEngine.start(dataDir, settings.poolSize(), true);
			open.add(madoguchi);
			int window = settings.window() > 0 ? settings.window() : 4 * Math.max(workers.check(), workers.decide());
			var flowable = FlowableEngine.start(madoguchi.postgres(), settings.poolSize(), window);
			open.add(flowable);
			progress("both engines started in %.1f s", seconds(System.nanoTime() - began));
			cpu = new CpuMeter(madoguchi.postgres().dataDirectory());
			List<Engine> engines = List.of(madoguchi, flowable);
			for (Engine engine : engines) {
				new Pipeline(engine, settings.scenarioLimit()).lifecycle("warmup", settings.warmup(), workers);
				expect(engine, settings.warmup(), 0);
			}
			progress("warmed up");
			// alternate which engine goes first, so slow drift (table growth, other load) is shared fairly
			for (int run = 1; run <= settings.runs(); run++) {
				for (Engine engine : run % 2 == 1 ? engines : engines.reversed()) {
					measureLifecycle(engine, run);
				}
			}
			if (settings.profile()) {
				for (Engine engine : engines) {
					expect(engine, CaseworkProfile.run(engine, madoguchi, settings, workers, report) + 1, 0);
				}
				spread(madoguchi);
			}
			// intake-only runs come last: the cases they open stay in the check queue, where a later
			// lifecycle run would find them
			for (int run = 1; run <= settings.runs(); run++) {
				for (Engine engine : run % 2 == 1 ? engines : engines.reversed()) {
					measureIntake(engine, run);
				}
			}
			verify(madoguchi, flowable);
		} catch (Exception e) {
			cleanup.run();
			System.out.println("benchmark failed: " + e.getMessage());
			e.printStackTrace();
			return 1;
		}
		cleanup.run();
		printTable();
		report.forEach(System.out::println);
		System.out.printf(Locale.ROOT, "total time %.0f s%n", seconds(System.nanoTime() - began));
		double[] paired = new double[settings.runs()];
		for (int i = 0; i < paired.length; i++) {
			paired[i] = results.get("madoguchi lifecycle").get(i).perSecond() / results.get("flowable lifecycle").get(i).perSecond();
		}
		java.util.Arrays.sort(paired);
		System.out.printf(Locale.ROOT, "lifecycle ratio per run (Madoguchi run i / Flowable run i, neighbours in time): median %.2f,"
				+ " min %.2f, max %.2f%n", median(paired), paired[0], paired[paired.length - 1]);
		double ratio = median("madoguchi lifecycle") / median("flowable lifecycle");
		System.out.printf(Locale.ROOT, "ratio_vs_flowable=%.2f%n", ratio);
		return 0;
	}

	private void measureLifecycle(Engine engine, int run) throws InterruptedException {
		var before = engine.sql().snapshot();
		var cpuBefore = cpu.read();
		var lifecycle = new Pipeline(engine, settings.scenarioLimit()).lifecycle("run" + run, settings.cases(), workers);
		var cpuUsed = CpuMeter.between(cpuBefore, cpu.read());
		cpuTotals.computeIfAbsent(engine.name(), e -> new double[4]);
		var totals = cpuTotals.get(engine.name());
		totals[0] += cpuUsed.jvmMillis();
		totals[1] += cpuUsed.postgres(engine.database());
		totals[2] += cpuUsed.machineBusyShare() * lifecycle.nanos() / 1e9;
		totals[3] += lifecycle.nanos() / 1e9;
		var used = engine.sql().snapshot().minus(before);
		lifecycleSql.merge(engine.name(), used, (a, b) -> new SqlCounter.Snapshot(a.checkouts() + b.checkouts(),
				a.statements() + b.statements(), a.commits() + b.commits()));
		record(engine.name() + " lifecycle", lifecycle);
		expect(engine, lifecycle.units(), 0);
		progress("run %d %s: lifecycle %.1f/s", run, engine.name(), lifecycle.perSecond());
	}

	private void measureIntake(Engine engine, int run) throws InterruptedException {
		var intake = new Pipeline(engine, settings.scenarioLimit()).intake("run" + run + "-intake", settings.cases(), workers.total());
		record(engine.name() + " intake", intake);
		expect(engine, 0, intake.units());
		progress("run %d %s: intake %.1f/s", run, engine.name(), intake.perSecond());
	}

	/**
	 * Reads back from each engine's own tables what the workers said they did, so that a figure can never
	 * rest on a step that silently did nothing.
	 */
	private void verify(MadoguchiEngine madoguchi, FlowableEngine flowable) throws java.sql.SQLException {
		var found = List.of(madoguchi.outcome(), flowable.outcome());
		var engines = List.of(madoguchi, flowable);
		report.add("");
		for (int i = 0; i < engines.size(); i++) {
			var want = expected.get(engines.get(i).database());
			var got = found.get(i);
			report.add(String.format(Locale.ROOT, "read back from %s's tables: %d cases decided, %d waiting at the check (expected %d and %d)",
					engines.get(i).name(), got.decided(), got.waiting(), want[0], want[1]));
			if (got.decided() != want[0] || got.waiting() != want[1] || got.other() != 0) {
				throw new IllegalStateException(engines.get(i).name() + " did not do what its workers reported: " + got);
			}
		}
	}

	/** Cases at the end of the run, as an engine's own tables tell. */
	record Tally(long decided, long waiting, long other) {
	}

	private final Map<String, long[]> expected = new java.util.HashMap<>();

	private void expect(Engine engine, long decided, long waiting) {
		var tally = expected.computeIfAbsent(engine.database(), d -> new long[2]);
		tally[0] += decided;
		tally[1] += waiting;
	}

	private void record(String scenario, Pipeline.Result result) {
		results.computeIfAbsent(scenario, s -> new ArrayList<>()).add(result);
	}

	/** Diagnostic: the lifecycle with its cases spread over the three demo cities, i.e. over three audit chains. */
	private void spread(MadoguchiEngine madoguchi) throws InterruptedException {
		int count = Math.min(settings.cases(), 300);
		var spread = madoguchi.spreadOver(MadoguchiEngine.DEMO_CITIES);
		var pipeline = new Pipeline(spread, settings.scenarioLimit());
		var single = new Pipeline(madoguchi, settings.scenarioLimit()).lifecycle("diagnostic-one", count, workers);
		var three = pipeline.lifecycle("diagnostic-three", count, workers);
		expect(madoguchi, 2L * count, 0);
		report.add("");
		report.add(String.format(Locale.ROOT, "diagnostic (not in the ratio): the same %d-case lifecycle run in 神戸市 alone: %.1f/s;"
				+ " spread over 3 cities, i.e. 3 audit chains: %.1f/s", count, single.perSecond(), three.perSecond()));
	}

	private void printTable() {
		System.out.println();
		System.out.printf("%-44s %4s %10s %10s %10s%n", "scenario", "runs", "median/s", "min/s", "max/s");
		results.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().endsWith("intake"))).forEach(e -> {
			var rates = e.getValue().stream().mapToDouble(Pipeline.Result::perSecond).sorted().toArray();
			String label = e.getKey() + (e.getKey().endsWith("intake") ? " (" + workers.total() + " workers, cases/s)"
					: " (" + workers + " workers, cases/s)");
			System.out.printf(Locale.ROOT, "%-44s %4d %10.1f %10.1f %10.1f%n", label, rates.length, median(rates), rates[0],
					rates[rates.length - 1]);
		});
		System.out.println();
		System.out.println("per lifecycle, over the measured lifecycle runs (empty-queue polls and lost claims included;"
				+ " Madoguchi also sends one set_config per checkout, below the counter):");
		System.out.printf("%-12s %11s %10s %8s %12s %12s%n", "engine", "statements", "checkouts", "commits", "empty polls", "lost claims");
		lifecycleSql.forEach((engine, used) -> {
			var runs = results.get(engine + " lifecycle");
			double units = runs.stream().mapToInt(Pipeline.Result::units).sum();
			System.out.printf(Locale.ROOT, "%-12s %11.1f %10.1f %8.1f %12.2f %12.2f%n", engine, used.statements() / units,
					used.checkouts() / units, used.commits() / units, runs.stream().mapToLong(Pipeline.Result::emptyPolls).sum() / units,
					runs.stream().mapToLong(Pipeline.Result::conflicts).sum() / units);
		});
		System.out.println();
		System.out.println("CPU per lifecycle, over the measured lifecycle runs (this JVM, and the PostgreSQL processes of the engine's"
				+ " database plus the server's own), and what that allows if CPU were the only limit:");
		System.out.printf("%-12s %8s %14s %9s %13s %22s%n", "engine", "JVM ms", "PostgreSQL ms", "total ms", "machine busy",
				"CPU-bound ceiling /s");
		int cores = Runtime.getRuntime().availableProcessors();
		cpuTotals.forEach((engine, totals) -> {
			double units = results.get(engine + " lifecycle").stream().mapToInt(Pipeline.Result::units).sum();
			double perLifecycle = (totals[0] + totals[1]) / units;
			System.out.printf(Locale.ROOT, "%-12s %8.1f %14.1f %9.1f %12.0f%% %22.0f%n", engine, totals[0] / units, totals[1] / units,
					perLifecycle, 100 * totals[2] / totals[3], cores * 1000 / perLifecycle);
		});
	}

	private double median(String scenario) {
		return median(results.get(scenario).stream().mapToDouble(Pipeline.Result::perSecond).sorted().toArray());
	}

	private static double median(double[] values) {
		return Medians.of(values);
	}

	private void startWatchdog() {
		var watchdog = new Thread(() -> {
			try {
				Thread.sleep(settings.totalLimit().toMillis());
				System.err.println("benchmark stopped: it ran longer than " + settings.totalLimit());
				System.exit(2);
			} catch (InterruptedException e) {
				// the benchmark ended first
			}
		}, "bench-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	private static final long STARTED = System.nanoTime();

	private static void progress(String format, Object... args) {
		System.err.printf(Locale.ROOT, "[bench %5.1f s] %s%n", seconds(System.nanoTime() - STARTED), String.format(Locale.ROOT, format, args));
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	private static void delete(Path dir) {
		// stopped mid-start, the application's own shutdown hook may still be stopping PostgreSQL
		Path pid = dir.resolve("pg").resolve("postmaster.pid");
		for (int i = 0; i < 150 && Files.exists(pid); i++) {
			try {
				Thread.sleep(100);
			} catch (InterruptedException e) {
				break;
			}
		}
		try (var paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			System.err.println("could not remove " + dir + ": " + e.getMessage());
		}
	}
}
