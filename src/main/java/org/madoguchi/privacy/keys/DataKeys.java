package org.madoguchi.privacy.keys;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.TenantScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The municipalities' data keys in table {@code data_key}, wrapped under the master key and cached
 * unwrapped. Keys are per municipality so that one city's data can be shredded, exported or handed to
 * another operator without touching the others'.
 */
@Component
public class DataKeys implements DataKeyRing {

	/** Room for a few versions of both keys of every municipality in Japan (about 1,800). */
	private static final int CACHE_CAPACITY = 8192;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient db;
	private final MasterKeys masters;
	private final TransactionTemplate separately;
	private final KeyCache cache = new KeyCache(CACHE_CAPACITY);

	public DataKeys(JdbcClient db, MasterKeys masters, PlatformTransactionManager transactions) {
		this.db = db;
		this.masters = masters;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	private record Stored(String municipality, Purpose purpose, int version, byte[] wrapped, String masterKeyId) {
	}

	@Override
	public DataKey currentEncryptionKey(String municipality) {
		requireInScope(municipality);
		// asked every time rather than cached, so a rotation on another node takes effect here at once
		Optional<Integer> newest = db.sql("""
				select version from data_key where tenant_id = ? and purpose = 'encryption' order by version desc limit 1
				""").params(municipality).query(Integer.class).optional();
		return newest.map(version -> encryptionKey(municipality, version).orElseThrow())
			.orElseGet(() -> createFirst(municipality, Purpose.ENCRYPTION));
	}

	@Override
	public Optional<DataKey> encryptionKey(String municipality, int version) {
		requireInScope(municipality);
		return cache.get(municipality, Purpose.ENCRYPTION, version)
			.or(() -> load(municipality, Purpose.ENCRYPTION, version).map(this::unwrapped));
	}

	@Override
	public DataKey indexKey(String municipality) {
		requireInScope(municipality);
		return cache.get(municipality, Purpose.INDEX, 1)
			.or(() -> load(municipality, Purpose.INDEX, 1).map(this::unwrapped))
			.orElseGet(() -> createFirst(municipality, Purpose.INDEX));
	}

	/**
	 * Adds the next encryption key version in the caller's transaction. Values sealed earlier keep the
	 * version they name; new ones take this key once the transaction commits.
	 */
	public int rotate(String municipality) {
		int next = currentEncryptionKey(municipality).version() + 1;
		try {
			insert(municipality, Purpose.ENCRYPTION, next);
		} catch (DuplicateKeyException e) {
			throw new Conflict(409, "municipality", "rotation_in_progress");
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// a key read back inside this transaction must not outlive a rollback in the cache
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						cache.evict(municipality, Purpose.ENCRYPTION, next);
					}
				}
			});
		}
		return next;
	}

	/**
	 * Re-wraps under the current master key every key of the municipalities in scope that another master
	 * key wrapped. Run in one transaction; returns how many keys of each municipality were re-wrapped.
	 */
	public Map<String, Integer> rewrapAll() {
		MasterKey current = masters.current();
		List<Stored> stale = db.sql("""
				select tenant_id, purpose, version, wrapped, master_key_id from data_key
				where master_key_id <> ? order by tenant_id, purpose, version for update
				""").params(current.id()).query(DataKeys::stored).list();
		Map<String, Integer> counts = new TreeMap<>();
		for (Stored key : stale) {
			byte[] rewrapped = KeyWrapping.wrap(current, key.municipality(), key.purpose(), key.version(), unwrap(key));
			db.sql("""
					update data_key set wrapped = ?, master_key_id = ?
					where tenant_id = ? and purpose = ? and version = ?
					""").params(rewrapped, current.id(), key.municipality(), key.purpose().code(), key.version()).update();
			counts.merge(key.municipality(), 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * The first key of a purpose is created in a transaction of its own: once committed it is safe to
	 * cache, whatever becomes of the caller's transaction. Two nodes racing both end with the winner's key.
	 */
	private DataKey createFirst(String municipality, Purpose purpose) {
		Stored stored = separately.execute(status -> {
			insert(municipality, purpose, 1);
			return load(municipality, purpose, 1).orElseThrow();
		});
		return unwrapped(stored);
	}

	private void insert(String municipality, Purpose purpose, int version) {
		byte[] material = new byte[32];
		RANDOM.nextBytes(material);
		SecretKey key = new SecretKeySpec(material, "AES");
		MasterKey master = masters.current();
		db.sql("""
				insert into data_key (tenant_id, purpose, version, wrapped, master_key_id) values (?, ?, ?, ?, ?)
				""" + (version == 1 ? " on conflict do nothing" : ""))
			.params(municipality, purpose.code(), version, KeyWrapping.wrap(master, municipality, purpose, version, key), master.id())
			.update();
	}

	private Optional<Stored> load(String municipality, Purpose purpose, int version) {
		return db.sql("""
				select tenant_id, purpose, version, wrapped, master_key_id from data_key
				where tenant_id = ? and purpose = ? and version = ?
				""").params(municipality, purpose.code(), version).query(DataKeys::stored).optional();
	}

	private DataKey unwrapped(Stored stored) {
		return cache.put(new DataKey(stored.municipality(), stored.purpose(), stored.version(), unwrap(stored)));
	}

	private SecretKey unwrap(Stored stored) {
		MasterKey master = masters.byId(stored.masterKeyId()).orElseThrow(() -> new IllegalStateException("the "
				+ stored.purpose().code() + " key v" + stored.version() + " of " + stored.municipality()
				+ " was wrapped by master key " + stored.masterKeyId() + ", which is neither MADOGUCHI_MASTER_KEY ("
				+ masters.current().id() + ") nor MADOGUCHI_MASTER_KEY_PREVIOUS; set that key as MADOGUCHI_MASTER_KEY_PREVIOUS"));
		return KeyWrapping.unwrap(master, stored.municipality(), stored.purpose(), stored.version(), stored.wrapped());
	}

	private static Stored stored(ResultSet row, int number) throws SQLException {
		return new Stored(row.getString("tenant_id"), Purpose.of(row.getString("purpose")), row.getInt("version"),
				row.getBytes("wrapped"), row.getString("master_key_id"));
	}

	private static void requireInScope(String municipality) {
		if (!TenantScope.includes(municipality)) {
			throw new IllegalStateException("municipality " + municipality + " is not in this thread's tenant scope");
		}
	}
}
