package org.madoguchi.platform;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in one transaction scoped to given municipalities. The scope must be in force before the
 * transaction takes its connection (that is when row-level security learns it), hence this pairing.
 */
@Component
public class ScopedTransactions {

	private final TransactionTemplate transactions;

	ScopedTransactions(PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
	}

	public <T> T call(Collection<String> municipalities, Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("a scoped transaction cannot start inside another transaction");
		}
		try (var scope = TenantScope.open(municipalities)) {
			return transactions.execute(status -> work.get());
		}
	}

	public <T> T call(String municipality, Supplier<T> work) {
		return call(List.of(municipality), work);
	}

	/**
	 * Work of a single read-only statement, in the municipality's scope but without a transaction around it:
	 * the statement commits on its own, saving the round trip of a COMMIT and the transaction's bookkeeping.
	 * For the hottest reads only (the portal's status look-up); anything that reads twice and needs both
	 * answers to agree belongs in {@link #call}.
	 */
	public <T> T single(String municipality, Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("a scoped statement cannot run inside another transaction");
		}
		try (var scope = TenantScope.open(List.of(municipality))) {
			return work.get();
		}
	}

	public void run(String municipality, Runnable work) {
		call(List.of(municipality), () -> {
			work.run();
			return null;
		});
	}

	public void run(Collection<String> municipalities, Runnable work) {
		call(municipalities, () -> {
			work.run();
			return null;
		});
	}
}
