package org.madoguchi.residents;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items, a batch at a time, to one other thread that consumes them in order, so that reading and
 * checking a file (on the caller's thread) and sealing and writing its rows (on this one) use both cores.
 * At most {@link #WAITING} batches wait, so a slow consumer slows the reader instead of filling memory. A
 * failure on the consumer's side stops it and is thrown to the caller at its next {@link #add} or at
 * {@link #finish}.
 */
final class Handoff<T> implements AutoCloseable {

	static final int BATCH = 2_000;
	static final int WAITING = 4;

	private static final List<?> END = List.of();

	private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(WAITING);
	private final Thread consumer;
	private volatile RuntimeException failure;
	private List<T> batch = new ArrayList<>(BATCH);

	Handoff(String name, Consumer<T> each) {
		this.consumer = Thread.ofPlatform().name(name).daemon().start(() -> consume(each));
	}

	void add(T item) {
		batch.add(item);
		if (batch.size() == BATCH) {
			put(batch);
			batch = new ArrayList<>(BATCH);
		}
	}

	/** Waits until every item is consumed; throws what went wrong on the other side, if anything did. */
	@SuppressWarnings("unchecked")
	void finish() {
		if (!batch.isEmpty()) {
			put(batch);
			batch = new ArrayList<>();
		}
		put((List<T>) END);
		join();
		throwIfFailed();
	}

	/** Stops the consumer without waiting for what is queued (the caller is failing anyway). */
	@Override
	public void close() {
		if (consumer.isAlive()) {
			consumer.interrupt();
			join();
		}
	}

	private void consume(Consumer<T> each) {
		try {
			for (var next = queue.take(); next != END; next = queue.take()) {
				next.forEach(each);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (RuntimeException e) {
			failure = e;
			queue.clear();
		}
	}

	private void put(List<T> items) {
		throwIfFailed();
		try {
			while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
				// a consumer that failed empties the queue once, then stops taking: do not wait for it forever
				throwIfFailed();
				if (!consumer.isAlive()) {
					throw new IllegalStateException(consumer.getName() + " stopped");
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while handing rows to " + consumer.getName(), e);
		}
	}

	private void join() {
		try {
			consumer.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for " + consumer.getName(), e);
		}
	}

	private void throwIfFailed() {
		if (failure != null) {
			throw failure;
		}
	}
}
