package madoguchi.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import madoguchi.bench.Engine.Outcome;
import madoguchi.bench.Engine.Stage;
import madoguchi.bench.Pipeline.Workers;

/** The profile part of `bench/run casework`: where each engine's time goes, for the report after the table. */
final class CaseworkProfile {

	private CaseworkProfile() {
	}

	/**
	 * One more lifecycle run with both samplers on (not in the table), then one lifecycle traced step by step;
	 * the findings go to {@code report}. Answers the number of cases the sampled run decided.
	 */
	static int run(Engine engine, MadoguchiEngine app, Settings settings, Workers workers, List<String> report) throws Exception {
		int count = Math.min(settings.cases(), 300);
		Pipeline.Result result;
		ThreadSampler threads;
		ActivitySampler activity;
		try (var t = new ThreadSampler(); var a = new ActivitySampler(app.postgres(), engine.database())) {
			threads = t;
			activity = a;
			result = new Pipeline(engine, settings.scenarioLimit()).lifecycle("profile", count, workers);
		}
		report.add("");
		report.add(String.format(Locale.ROOT, "profile of %s, one more lifecycle run of %d cases (%.1f/s with the samplers on):",
				engine.name(), count, result.perSecond()));
		report.add("  worker threads (share of samples):");
		top(threads.shares(), 12).forEach((k, v) -> report.add(String.format(Locale.ROOT, "    %5.1f%%  %s", 100 * v, k)));
		report.add(String.format(Locale.ROOT, "  PostgreSQL server processes of database %s (on average %.1f busy; share of busy samples):",
				engine.database(), activity.averageBusy()));
		top(activity.shares(), 8).forEach((k, v) -> report.add(String.format(Locale.ROOT, "    %5.1f%%  %s", 100 * v, k)));
		var locks = top(activity.lockWaiters(), 4);
		if (!locks.isEmpty()) {
			report.add("  statements waiting on a lock:");
			locks.forEach((k, v) -> report.add(String.format(Locale.ROOT, "    %5.1f%%  %s", 100 * v, k)));
		}
		if (!engine.notes().isEmpty()) {
			report.add("  " + engine.notes());
		}
		report.add("  one lifecycle traced alone (JDBC statements / connection checkouts / commits):");
		for (Stage stage : Stage.values()) {
			var used = traced(engine, stage);
			report.add(String.format(Locale.ROOT, "    %-7s %3d / %2d / %2d", stage.name().toLowerCase(Locale.ROOT), used.statements(),
					used.checkouts(), used.commits()));
		}
		return count;
	}

	private static SqlCounter.Snapshot traced(Engine engine, Stage stage) throws Exception {
		var holder = new SqlCounter.Snapshot[1];
		var failure = new Exception[1];
		var thread = new Thread(() -> {
			try (var worker = engine.worker(stage, 90)) {
				var before = engine.sql().snapshot();
				var outcome = worker.step("trace-" + System.nanoTime());
				holder[0] = engine.sql().snapshot().minus(before);
				if (outcome != Outcome.DONE) {
					throw new IllegalStateException("traced " + stage + " found no work: " + outcome);
				}
			} catch (Exception e) {
				failure[0] = e;
			}
		}, Pipeline.WORKER_PREFIX + "trace");
		thread.start();
		thread.join(TimeUnit.MINUTES.toMillis(1));
		if (failure[0] != null) {
			throw failure[0];
		}
		return holder[0];
	}

	private static Map<String, Double> top(Map<String, Double> shares, int n) {
		var top = new LinkedHashMap<String, Double>();
		shares.entrySet().stream().limit(n).forEach(e -> top.put(e.getKey(), e.getValue()));
		return top;
	}
}
