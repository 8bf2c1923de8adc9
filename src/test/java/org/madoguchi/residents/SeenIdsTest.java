package org.madoguchi.residents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SeenIdsTest {

	@Test
	void anIdIsNewOnceAndASecondTimeIsSeen() {
		var ids = new SeenIds();

		assertThat(ids.add("R001")).isTrue();
		assertThat(ids.add("R002")).isTrue();
		assertThat(ids.add("R001")).isFalse();
		assertThat(ids.add("R00")).as("a prefix is another id").isTrue();
		assertThat(ids.add("R0011")).as("so is a longer one").isTrue();
		assertThat(ids.add("")).isTrue();
		assertThat(ids.add("")).isFalse();
		assertThat(ids.size()).isEqualTo(5);
	}

	@Test
	void answersAsAHashSetWouldOverACitysWorthOfIdsWithDuplicatesAndEqualHashes() {
		var ids = new SeenIds();
		var reference = new HashSet<String>();
		var random = new Random(42);
		for (int i = 0; i < 300_000; i++) {
			// sequential ids as registers number them, some repeated, and pairs with equal String hashes ("Aa" and "BB")
			String id = switch (i % 4) {
				case 0 -> "R%09d".formatted(random.nextInt(400_000));
				case 1 -> "H-" + i;
				case 2 -> (random.nextBoolean() ? "Aa" : "BB") + (i % 5_000);
				default -> "x".repeat(i % 40) + "住民" + i % 1_000;
			};
			assertThat(ids.add(id)).as(id).isEqualTo(reference.add(id));
		}
		assertThat(ids.size()).isEqualTo(reference.size());
	}
}
