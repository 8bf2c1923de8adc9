package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;

@MadoguchiTest
class WorkQueueConcurrencyTest {

	private static final String KOBE = "281000";

	@Autowired
	WorkQueues queues;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient db;

	@Test
	void fiftyWorkersClaimingFromAThousandTasksAtOnceClaimEachTaskExactlyOnce() throws Exception {
		String queue = "concurrency-" + System.nanoTime();
		try (var scope = TenantScope.open(KOBE)) {
			for (int i = 0; i < 1000; i++) {
				queues.enqueue(KOBE, CaseNumber.issue(2026, i).value(), queue, "keying", null);
			}
		}
		Set<Long> claimed = ConcurrentHashMap.newKeySet();
		var claims = new AtomicInteger();
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(50)) {
			for (int w = 0; w < 50; w++) {
				String worker = "worker-" + w;
				pool.submit(() -> {
					start.await();
					try (var scope = TenantScope.open(KOBE)) {
						while (true) {
							var task = queues.claimNext(KOBE, List.of(queue), worker);
							if (task.isEmpty()) {
								return null;
							}
							claims.incrementAndGet();
							claimed.add(task.get().id());
							assertThat(queues.complete(KOBE, task.get().id(), worker)).isTrue();
						}
					}
				});
			}
			start.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
		}
		assertThat(claims.get()).isEqualTo(1000);
		assertThat(claimed).hasSize(1000);
	}

	@Test
	void theMostUrgentTaskComesFirstAndAHeldTaskIsNotHandedOutTwice() {
		String queue = "urgency-" + System.nanoTime();
		try (var scope = TenantScope.open(KOBE)) {
			queues.enqueue(KOBE, CaseNumber.issue(2026, 1).value(), queue, "check", java.time.LocalDate.of(2027, 3, 1));
			long urgent = queues.enqueue(KOBE, CaseNumber.issue(2026, 2).value(), queue, "check", java.time.LocalDate.of(2027, 1, 5));
			var first = queues.claimNext(KOBE, List.of(queue), "clerk-a").orElseThrow();
			assertThat(first.id()).isEqualTo(urgent);
			assertThat(queues.claimNext(KOBE, List.of(queue), "clerk-b").orElseThrow().id()).isNotEqualTo(urgent);
			assertThat(queues.claimNext(KOBE, List.of(queue), "clerk-c")).isEmpty();
		}
	}

	@Test
	void aClaimIdleLongerThanTheTimeoutReturnsToTheQueueAndTheFirstWorkerCannotCompleteIt() {
		String queue = "idle-" + System.nanoTime();
		try (var scope = TenantScope.open(KOBE)) {
			long id = queues.enqueue(KOBE, CaseNumber.issue(2026, 3).value(), queue, "keying", null);
			queues.claimNext(KOBE, List.of(queue), "clerk-gone").orElseThrow();
			assertThat(queues.claimNext(KOBE, List.of(queue), "clerk-b")).isEmpty();
			// the first clerk went home: their claim is now older than the idle timeout
			db.sql("update task set claimed_at = now() - ? * interval '1 second' - interval '1 minute' where tenant_id = ? and id = ?")
				.params(queues.idleTimeout().toSeconds(), KOBE, id).update();
			var retaken = queues.claimNext(KOBE, List.of(queue), "clerk-b").orElseThrow();
			assertThat(retaken.id()).isEqualTo(id);
			assertThat(queues.complete(KOBE, id, "clerk-gone")).isFalse();
			assertThat(queues.complete(KOBE, id, "clerk-b")).isTrue();
		}
	}

	@Test
	void anotherCitysTasksAreNeverHandedOut() {
		String queue = "isolation-" + System.nanoTime();
		try (var osaka = TenantScope.open("271004")) {
			queues.enqueue("271004", CaseNumber.issue(2026, 7).value(), queue, "keying", null);
		}
		try (var kobe = TenantScope.open(KOBE)) {
			assertThat(queues.claimNext("271004", List.of(queue), "kobe-clerk")).isEmpty();
		}
	}
}
