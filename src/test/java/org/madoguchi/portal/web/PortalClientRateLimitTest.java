package org.madoguchi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class PortalClientRateLimitTest {

	final AtomicLong now = new AtomicLong(1_000);
	final ClientRateLimit limit = new ClientRateLimit(3, now::get);

	@Test
	void aClientSpendsItsMinuteAtOnceAndEarnsItBackEvenly() {
		assertThat(limit.tryTake("203.0.113.7")).isTrue();
		assertThat(limit.tryTake("203.0.113.7")).isTrue();
		assertThat(limit.tryTake("203.0.113.7")).isTrue();
		assertThat(limit.tryTake("203.0.113.7")).isFalse();
		assertThat(limit.tryTake("203.0.113.8")).as("another client has its own bucket").isTrue();

		now.addAndGet(TimeUnit.SECONDS.toNanos(20));
		assertThat(limit.tryTake("203.0.113.7")).as("one look-up earned back in a third of a minute").isTrue();
		assertThat(limit.tryTake("203.0.113.7")).isFalse();

		now.addAndGet(TimeUnit.HOURS.toNanos(5));
		for (int i = 0; i < 3; i++) {
			assertThat(limit.tryTake("203.0.113.7")).isTrue();
		}
		assertThat(limit.tryTake("203.0.113.7")).as("waiting long saves no more than a minute's worth").isFalse();
	}

	@Test
	void aLimitRaisedForALoadTestStillRefillsAfterMinutesOfQuiet() {
		var generous = new ClientRateLimit(100_000_000, now::get);
		assertThat(generous.tryTake("203.0.113.9")).isTrue();
		// a full bucket plus a minute's refill once overflowed a long and refused everyone from then on
		now.addAndGet(TimeUnit.MINUTES.toNanos(7));
		for (int i = 0; i < 1_000; i++) {
			assertThat(generous.tryTake("203.0.113.9")).isTrue();
		}
	}

	@Test
	void ipv6ClientsAreCountedPerSlash64() {
		assertThat(ClientRateLimit.client("2001:db8:1:2:aaaa::1")).isEqualTo(ClientRateLimit.client("2001:0db8:0001:0002:bbbb:0:0:2"));
		assertThat(ClientRateLimit.client("2001:db8:1:2::1")).isNotEqualTo(ClientRateLimit.client("2001:db8:1:3::1"));
		assertThat(ClientRateLimit.client("198.51.100.4")).isEqualTo("198.51.100.4");
	}
}
