package madoguchi.bench;

import java.time.Duration;

/** What `bench/run casework [--quick] [options]` asked for. */
record Settings(boolean quick, int workers, int cases, int runs, int warmup, int poolSize, int window, boolean profile,
		Duration scenarioLimit, Duration totalLimit) {

	static final String USAGE = """
			usage: bench/run casework [--quick] [--workers N] [--cases N] [--runs N] [--window N] [--profile|--no-profile]
			  --quick       150 cases per run, 3 runs, no profile; default: 1000 cases, 5 runs, then a profile
			  --workers N   concurrent workers per engine, split intake/check/decide (default 8 = 2/3/3)
			  --cases N     cases (lifecycles) per measured run
			  --runs N      measured runs per scenario; the table shows their median
			  --window N    Flowable workers pick at random among the N oldest candidate tasks
			                (default: 4 x the workers of the busier step; 1 = every worker races for the oldest)
			  --profile     after the measurements, one more run per engine with samplers on, one lifecycle traced
			                statement by statement, and the three-city diagnostic (default unless --quick)
			  --no-profile  skip that""";

	static Settings parse(String[] args) {
		if (args.length == 0 || !args[0].equals("casework")) {
			throw new IllegalArgumentException(USAGE);
		}
		boolean quick = false;
		Boolean profile = null;
		Integer workers = null;
		Integer cases = null;
		Integer runs = null;
		Integer window = null;
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--quick" -> quick = true;
				case "--no-profile" -> profile = false;
				case "--profile" -> profile = true;
				case "--workers" -> workers = number(args, ++i);
				case "--cases" -> cases = number(args, ++i);
				case "--runs" -> runs = number(args, ++i);
				case "--window" -> window = number(args, ++i);
				default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
			}
		}
		int w = workers == null ? 8 : workers;
		int c = cases == null ? (quick ? 150 : 1000) : cases;
		int r = runs == null ? (quick ? 3 : 5) : runs;
		return new Settings(quick, w, c, r, Math.min(c, quick ? 50 : 300), 20, window == null ? 0 : window,
				profile == null ? !quick : profile,
				Duration.ofMinutes(quick ? 2 : 5), Duration.ofMinutes(quick ? 6 : 30));
	}

	private static int number(String[] args, int i) {
		if (i >= args.length || !args[i].matches("[1-9][0-9]{0,6}")) {
			throw new IllegalArgumentException("expected a positive number after " + args[i - 1] + "\n" + USAGE);
		}
		return Integer.parseInt(args[i]);
	}
}
