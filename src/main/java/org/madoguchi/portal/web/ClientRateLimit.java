package org.madoguchi.portal.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Look-ups per client, a token bucket per address held in memory: a client may spend {@code perMinute}
 * look-ups at once and earns them back evenly over a minute. It slows one machine that guesses across many
 * application numbers, which the per-number lock in the database cannot see. Being in memory, each app node
 * counts for itself; the per-number lock is the guard that holds across nodes.
 *
 * <p>IPv6 clients are counted per /64, the block one subscriber is usually given. Buckets that have filled up
 * again are forgotten when the table grows; if it is still too large (a flood from very many addresses) it is
 * emptied, failing open, since the per-number lock still holds.
 */
@Component
public class ClientRateLimit {

	private static final int SWEEP_AT = 10_000;
	private static final int MAX_CLIENTS = 200_000;
	private static final long MINUTE = 60_000_000_000L;

	private final int perMinute;
	private final LongSupplier nanoTime;
	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	@Autowired
	ClientRateLimit(@Value("${madoguchi.portal.lookups-per-minute:30}") int perMinute) {
		this(perMinute, System::nanoTime);
	}

	ClientRateLimit(int perMinute, LongSupplier nanoTime) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("madoguchi.portal.lookups-per-minute must be at least 1");
		}
		this.perMinute = perMinute;
		this.nanoTime = nanoTime;
	}

	/** Takes one look-up from the client's bucket; false when it is empty. */
	boolean tryTake(String address) {
		if (buckets.size() > SWEEP_AT) {
			sweep();
		}
		long now = nanoTime.getAsLong();
		return buckets.computeIfAbsent(client(address), c -> new Bucket(perMinute, now)).take(now, perMinute);
	}

	/** Forgets a client, as if it had waited a minute. Tests that share one address use it. */
	public void forget(String address) {
		buckets.remove(client(address));
	}

	private void sweep() {
		long now = nanoTime.getAsLong();
		buckets.values().removeIf(bucket -> bucket.full(now, perMinute));
		if (buckets.size() > MAX_CLIENTS) {
			buckets.clear();
		}
	}

	static String client(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return address == null ? "" : address;
		}
		try {
			// an IPv6 literal is parsed, never looked up; its first 8 bytes are the /64
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
		} catch (UnknownHostException e) {
			return address;
		}
	}

	/** Tokens are kept in nano-look-ups (look-ups × one minute) so refilling needs no floating point. */
	private static final class Bucket {

		private long tokens;
		private long last;

		Bucket(int perMinute, long now) {
			this.tokens = perMinute * MINUTE;
			this.last = now;
		}

		synchronized boolean take(long now, int perMinute) {
			refill(now, perMinute);
			if (tokens < MINUTE) {
				return false;
			}
			tokens -= MINUTE;
			return true;
		}

		synchronized boolean full(long now, int perMinute) {
			refill(now, perMinute);
			return tokens == perMinute * MINUTE;
		}

		private void refill(long now, int perMinute) {
			long elapsed = Math.max(0, now - last);
			long capacity = perMinute * MINUTE;
			long added = Math.min(elapsed, MINUTE) * perMinute;
			// compared before adding: with a large limit (load tests) tokens + added would overflow a long
			tokens = tokens > capacity - added ? capacity : tokens + added;
			last = now;
		}
	}
}
