package org.madoguchi.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The register's first load reads on one thread and writes on another: every row arrives, in order, once. */
class HandoffTest {

	@Test
	void everyItemArrivesInOrderOnTheOtherThread() {
		List<Integer> seen = new ArrayList<>();
		List<String> threads = new ArrayList<>();
		int items = Handoff.BATCH * (Handoff.WAITING + 3) + 17;
		try (var handoff = new Handoff<Integer>("test-writer", i -> {
			seen.add(i);
			if (threads.isEmpty()) {
				threads.add(Thread.currentThread().getName());
			}
		})) {
			for (int i = 0; i < items; i++) {
				handoff.add(i);
			}
			handoff.finish();
		}
		assertThat(seen).hasSize(items);
		for (int i = 0; i < items; i++) {
			assertThat(seen.get(i)).isEqualTo(i);
		}
		assertThat(threads).containsExactly("test-writer");
	}

	@Test
	void aFailureOnTheWritingSideReachesTheReader() {
		try (var handoff = new Handoff<Integer>("test-writer", i -> {
			if (i == 10) {
				throw new IllegalStateException("COPY failed: row 10");
			}
		})) {
			assertThatThrownBy(() -> {
				for (int i = 0; i < Handoff.BATCH * (Handoff.WAITING + 10); i++) {
					handoff.add(i);
				}
				handoff.finish();
			}).hasMessage("COPY failed: row 10");
		}
	}
}
