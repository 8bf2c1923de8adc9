package madoguchi.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import madoguchi.bench.Engine.Outcome;
import madoguchi.bench.Engine.Stage;

/**
 * Runs one measured scenario: worker threads per stage, all made before the clock starts, then released
 * together. The lifecycle scenario is a pipeline — intake workers open cases while check workers and
 * decide workers take them from their queues — and ends when the last case is decided. A worker that
 * finds its queue empty waits before asking again, 1 ms doubling up to {@value #MAX_WAIT_MICROS} µs while
 * it stays empty, the same for every engine (so idle workers cost little of the two cores).
 */
final class Pipeline {

	static final long FIRST_WAIT_MICROS = 1_000;
	static final long MAX_WAIT_MICROS = 16_000;
	static final String WORKER_PREFIX = "bench-worker-";

	record Workers(int intake, int check, int decide) {

		static Workers split(int total) {
			int intake = Math.max(1, total / 4);
			int check = Math.max(1, (total - intake + 1) / 2);
			int decide = Math.max(1, total - intake - check);
			return new Workers(intake, check, decide);
		}

		int total() {
			return intake + check + decide;
		}

		@Override
		public String toString() {
			return intake + "/" + check + "/" + decide;
		}
	}

	record Result(int units, long nanos, long emptyPolls, long conflicts) {

		double perSecond() {
			return units / (nanos / 1e9);
		}
	}

	private final Engine engine;
	private final Duration limit;

	Pipeline(Engine engine, Duration limit) {
		this.engine = engine;
		this.limit = limit;
	}

	/** Intake only: {@code workers} threads open {@code count} cases between them. */
	Result intake(String run, int count, int workers) throws InterruptedException {
		return run(run, count, new Workers(workers, 0, 0), Stage.INTAKE);
	}

	/** The whole lifecycle of {@code count} cases: intake, check, decide. */
	Result lifecycle(String run, int count, Workers workers) throws InterruptedException {
		return run(run, count, workers, Stage.DECIDE);
	}

	private Result run(String run, int count, Workers workers, Stage last) throws InterruptedException {
		var opened = new AtomicInteger();
		var done = new EnumMap<Stage, AtomicInteger>(Stage.class);
		for (Stage stage : Stage.values()) {
			done.put(stage, new AtomicInteger());
		}
		var empty = new LongAdder();
		var conflicts = new LongAdder();
		var ready = new CountDownLatch(workers.total());
		var start = new CountDownLatch(1);
		var finished = new CountDownLatch(1);
		var end = new AtomicLong();
		var failure = new AtomicReference<Throwable>();
		var stop = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		int[] perStage = { workers.intake(), workers.check(), workers.decide() };
		for (Stage stage : Stage.values()) {
			for (int i = 0; i < perStage[stage.ordinal()]; i++) {
				int index = i;
				threads.add(new Thread(() -> {
					boolean started = false;
					try (var worker = engine.worker(stage, index)) {
						ready.countDown();
						started = true;
						start.await();
						var mine = done.get(stage);
						long wait = FIRST_WAIT_MICROS;
						while (!stop.get() && mine.get() < count) {
							String key = null;
							if (stage == Stage.INTAKE) {
								int n = opened.getAndIncrement();
								if (n >= count) {
									return;
								}
								key = run + "-" + n;
							}
							switch (worker.step(key)) {
								case DONE -> {
									wait = FIRST_WAIT_MICROS;
									if (mine.incrementAndGet() == count && stage == last) {
										end.set(System.nanoTime());
										finished.countDown();
									}
								}
								case CONFLICT -> conflicts.increment();
								case EMPTY -> {
									if (stage == Stage.INTAKE) {
										throw new IllegalStateException("intake of " + key + " made no new case");
									}
									empty.increment();
									LockSupport.parkNanos(wait * 1_000);
									wait = Math.min(2 * wait, MAX_WAIT_MICROS);
								}
							}
						}
					} catch (Throwable t) {
						failure.compareAndSet(null, t);
						if (!started) {
							ready.countDown();
						}
						finished.countDown();
					}
				}, WORKER_PREFIX + stage.name().toLowerCase(java.util.Locale.ROOT) + "-" + i));
			}
		}
		threads.forEach(Thread::start);
		if (!ready.await(2, TimeUnit.MINUTES)) {
			throw new IllegalStateException("workers did not get ready");
		}
		long begin = System.nanoTime();
		start.countDown();
		boolean inTime = finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
		stop.set(true);
		for (Thread thread : threads) {
			thread.join(TimeUnit.MINUTES.toMillis(1));
		}
		if (failure.get() != null) {
			throw new IllegalStateException(engine.name() + " " + run + " failed: " + failure.get(), failure.get());
		}
		if (!inTime) {
			throw new IllegalStateException(engine.name() + " " + run + " did not finish within " + limit + " ("
					+ done.get(last).get() + " of " + count + " done)");
		}
		return new Result(count, end.get() - begin, empty.sum(), conflicts.sum());
	}
}
