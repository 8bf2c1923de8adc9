package org.madoguchi.platform;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The municipalities the current unit of work may touch. PostgreSQL row-level security reads it on every
 * connection checkout, so a query that forgets its {@code WHERE tenant_id} still cannot see another city.
 * Open it before a transaction starts: a connection bound to a running transaction keeps the scope it had.
 */
public final class TenantScope implements AutoCloseable {

	private static final ThreadLocal<TenantScope> CURRENT = new ThreadLocal<>();

	private final Set<String> municipalities;
	private final TenantScope previous;

	private TenantScope(Collection<String> municipalities, TenantScope previous) {
		this.municipalities = Set.copyOf(new TreeSet<>(municipalities));
		this.previous = previous;
	}

	/** Opens a scope for the given municipality codes; close it to return to the enclosing one. */
	public static TenantScope open(Collection<String> municipalities) {
		for (String code : municipalities) {
			if (code == null || !code.matches("\\d{6}")) {
				throw new IllegalArgumentException("not a municipality code: " + code);
			}
		}
		var scope = new TenantScope(municipalities, CURRENT.get());
		CURRENT.set(scope);
		return scope;
	}

	public static TenantScope open(String municipality) {
		return open(List.of(municipality));
	}

	public static <T> T call(Collection<String> municipalities, Supplier<T> work) {
		try (var ignored = open(municipalities)) {
			return work.get();
		}
	}

	public static void run(Collection<String> municipalities, Runnable work) {
		try (var ignored = open(municipalities)) {
			work.run();
		}
	}

	/** The codes in force on this thread; empty (sees no tenant rows) outside any scope. */
	public static Set<String> current() {
		var scope = CURRENT.get();
		return scope == null ? Set.of() : scope.municipalities;
	}

	public static boolean includes(String municipality) {
		return current().contains(municipality);
	}

	@Override
	public void close() {
		if (CURRENT.get() != this) {
			throw new IllegalStateException("tenant scopes closed out of order");
		}
		if (previous == null) {
			CURRENT.remove();
		} else {
			CURRENT.set(previous);
		}
	}
}
