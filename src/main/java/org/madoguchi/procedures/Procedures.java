package org.madoguchi.procedures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.AfterCommit;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The procedures of each municipality. The shipped definitions are version 1 everywhere; a municipality's
 * upload becomes its next version and from then on its current one. Versions are never changed or removed,
 * so a case opened under version N can always fetch version N. Every method needs the municipality in the
 * current {@link TenantScope} (the API's tenant guard opens it for {@code {code}}).
 */
@Service
public class Procedures {

	private static final int CACHE_SIZE = 500;

	private final ShippedProcedures shipped;
	private final ProcedureVersions versions;
	private final AuditTrail audit;
	/**
	 * Committed versions, parsed. A version never changes once committed, so a hit needs no query; a miss
	 * is remembered only after the reading transaction commits, in case that transaction published it and
	 * rolls back. {@link #NOT_STORED} marks version 1 of a shipped procedure, which is never stored.
	 */
	private final Map<String, Procedure> committed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Procedure> eldest) {
			return size() > CACHE_SIZE;
		}
	});
	private static final Procedure NOT_STORED = null;
	private final Map<String, Latest> latest = new ConcurrentHashMap<>();
	private final Duration refresh;

	private record Latest(Map<String, Integer> numbers, long readAt) {
	}

	Procedures(ShippedProcedures shipped, ProcedureVersions versions, AuditTrail audit,
			@Value("${madoguchi.procedures.refresh:PT2S}") Duration refresh) {
		this.shipped = shipped;
		this.versions = versions;
		this.audit = audit;
		this.refresh = refresh;
	}

	/** The version new cases of this municipality open under. */
	public Optional<Procedure> current(String municipality, String id) {
		scoped(municipality);
		return Optional.ofNullable(latestNumbers(municipality).get(id)).flatMap(v -> version(municipality, id, v))
			.or(() -> shipped.find(id));
	}

	/** An exact version, as a case opened under it needs; version 1 of a shipped procedure is the shipped file. */
	public Optional<Procedure> version(String municipality, String id, int version) {
		scoped(municipality);
		String key = municipality + "/" + id + "/" + version;
		if (committed.containsKey(key)) {
			return Optional.ofNullable(committed.get(key)).or(() -> shipped.find(id));
		}
		var stored = versions.exact(municipality, id, version).map(row -> parse(row));
		if (stored.isPresent()) {
			rememberOnceCommitted(key, stored.get());
			return stored;
		}
		if (version == 1 && shipped.has(id)) {
			// publishing a shipped id starts at version 2, so this absence is for good
			rememberOnceCommitted(key, NOT_STORED);
			return shipped.find(id);
		}
		return Optional.empty();
	}

	/** The current version of every procedure of the municipality, by id. */
	public List<Procedure> all(String municipality) {
		scoped(municipality);
		var all = new TreeMap<String, Procedure>();
		shipped.all().forEach(p -> all.put(p.id(), p));
		latestNumbers(municipality).forEach((id, v) -> version(municipality, id, v).ifPresent(p -> all.put(id, p)));
		return new ArrayList<>(all.values());
	}

	/** Publishes a definition whose id is in its body. */
	@Transactional
	public Procedure publish(String municipality, String body, String contentType) {
		return publish(municipality, null, body, contentType);
	}

	/**
	 * Publishes a definition as the municipality's next version of procedure {@code id}; the body may omit its
	 * id but must not name another. Throws {@link InvalidInput} (422) naming every problem, and a
	 * {@link Conflict} with 415 for a content type that is neither YAML nor JSON.
	 */
	@Transactional
	public Procedure publish(String municipality, String id, String body, String contentType) {
		scoped(municipality);
		var format = DefinitionText.Format.ofContentType(contentType)
			.orElseThrow(() -> new Conflict(415, "Content-Type", "unsupported_media_type"));
		ObjectNode tree = withId(DefinitionText.read(body, format), id);
		Procedure checked = ProcedureReader.read(tree, 1);
		versions.lock(municipality, checked.id());
		int highest = versions.highest(municipality, checked.id());
		int next = highest == 0 && shipped.has(checked.id()) ? 2 : highest + 1;
		String by = Caller.current().map(Caller::username).orElse("system");
		versions.insert(municipality, checked.id(), next, tree.toString(), body, format.wire(), by);
		AfterCommit.run(() -> latest.remove(municipality));
		audit.record(AuditEvent.of(municipality, "procedure.published", "procedure", checked.id())
			.with("version", String.valueOf(next)).with("format", format.wire()));
		return ProcedureReader.read(tree, next);
	}

	/**
	 * The newest version number of each procedure the city published. Asked on every intake and every
	 * claim, so it is kept for {@code madoguchi.procedures.refresh}: this node forgets it when it publishes,
	 * another node's publication shows here after at most that long.
	 */
	private Map<String, Integer> latestNumbers(String municipality) {
		var known = latest.get(municipality);
		long now = System.nanoTime();
		if (known != null && now - known.readAt() < refresh.toNanos()) {
			return known.numbers();
		}
		var numbers = Map.copyOf(versions.latestNumbers(municipality));
		AfterCommit.run(() -> latest.put(municipality, new Latest(numbers, now)));
		return numbers;
	}

	private static Procedure parse(ProcedureVersions.Stored row) {
		var format = DefinitionText.Format.valueOf(row.format().toUpperCase(Locale.ROOT));
		try {
			return ProcedureReader.read(withId(DefinitionText.read(row.source(), format), row.id()), row.version());
		} catch (InvalidInput e) {
			// it passed when published; failing now means the rules changed under it, which needs a migration
			throw new IllegalStateException("Stored procedure " + row.id() + " v" + row.version() + " no longer reads: "
					+ e.getMessage(), e);
		}
	}

	private void rememberOnceCommitted(String key, Procedure procedure) {
		AfterCommit.run(() -> committed.put(key, procedure));
	}

	/** The body's id must match the one in the URL; a body without one takes it, placed first for readability. */
	private static ObjectNode withId(ObjectNode tree, String id) {
		JsonNode given = tree.get("id");
		if (id == null || given != null && given.isString() && given.asString().equals(id)) {
			return tree;
		}
		if (given != null && !given.isNull()) {
			throw new InvalidInput("id", "id_mismatch", id);
		}
		ObjectNode ordered = tree.objectNode();
		ordered.put("id", id);
		tree.properties().stream().filter(e -> !e.getKey().equals("id")).forEach(e -> ordered.set(e.getKey(), e.getValue()));
		return ordered;
	}

	private static void scoped(String municipality) {
		if (!TenantScope.includes(municipality)) {
			throw new IllegalStateException("procedures of municipality " + municipality + " asked outside its tenant scope");
		}
	}
}
