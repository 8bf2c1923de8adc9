package org.madoguchi.tenancy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.KanaName;
import org.madoguchi.japan.MunicipalityCode;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.ScopedTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The directory of municipalities the install serves. */
@Service
public class Municipalities {

	private static final String COLUMNS = "code, name, name_kana, operator_id, consortium_id, population";
	private final JdbcClient db;
	private final AuditTrail audit;
	private final ScopedTransactions transactions;
	private final ApplicationEventPublisher events;

	Municipalities(JdbcClient db, AuditTrail audit, ScopedTransactions transactions, ApplicationEventPublisher events) {
		this.db = db;
		this.audit = audit;
		this.transactions = transactions;
		this.events = events;
	}

	public Optional<Municipality> find(String code) {
		return db.sql("select " + COLUMNS + " from municipality where code = ?").param(code)
			.query(Municipality.class).optional();
	}

	public boolean exists(String code) {
		return find(code).isPresent();
	}

	/** The given municipalities that exist, in code order; the caller decides whom to show them to. */
	public List<Municipality> among(Collection<String> codes) {
		return db.sql("select " + COLUMNS + " from municipality where code = any (?) order by code")
			.param(codes.toArray(String[]::new)).query(Municipality.class).list();
	}

	public List<Municipality> all() {
		return db.sql("select " + COLUMNS + " from municipality order by code").query(Municipality.class).list();
	}

	public List<Operator> operators() {
		return db.sql("select id, name from operator order by id").query(Operator.class).list();
	}

	/**
	 * Adds a municipality; call outside a transaction (its audit chain starts in a scope of its own). The
	 * registering administrator is assigned to it by identity, in the same transaction, so that the
	 * municipality is never there without someone who can administer it.
	 */
	public Municipality register(NewMunicipality request, Caller registeredBy) {
		var problems = new InvalidInput.Collector();
		try {
			MunicipalityCode.of(request.code() == null ? "" : request.code());
		} catch (InvalidValue e) {
			problems.add("code", e.code());
		}
		if (request.name() == null || request.name().isBlank()) {
			problems.add("name", "required");
		} else if (request.name().length() > 40) {
			problems.add("name", "too_long", 40);
		}
		String kana = null;
		try {
			kana = new KanaName(request.nameKana() == null ? "" : request.nameKana()).kana();
		} catch (InvalidValue e) {
			problems.add("nameKana", request.nameKana() == null || request.nameKana().isBlank() ? "required" : e.code());
		}
		if (request.operatorId() == null || operators().stream().noneMatch(o -> o.id().equals(request.operatorId()))) {
			problems.add("operatorId", "unknown_operator");
		}
		problems.throwIfAny();
		if (exists(request.code())) {
			throw new Conflict(409, "code", "already_exists");
		}
		String nameKana = kana;
		transactions.run(request.code(), () -> {
			db.sql("insert into municipality (code, name, name_kana, operator_id, population) values (?, ?, ?, ?, ?)")
				.params(request.code(), request.name().strip(), nameKana, request.operatorId(),
						request.population())
				.update();
			audit.record(new AuditEvent(request.code(), "municipality.registered", "municipality", request.code(), null,
					Map.of("name", request.name())));
			events.publishEvent(new MunicipalityRegistered(request.code(), registeredBy.username()));
		});
		return find(request.code()).orElseThrow();
	}

	public record Operator(String id, String name) {
	}

	public record NewMunicipality(String code, String name, String nameKana, String operatorId, Integer population) {
	}
}
