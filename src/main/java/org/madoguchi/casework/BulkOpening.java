package org.madoguchi.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.database.BulkCopy;
import org.madoguchi.procedures.Channel;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.madoguchi.procedures.State;
import org.madoguchi.procedures.Transition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opens many referenced cases in one go: numbers drawn in one query, the cases COPY'd into a temporary table, and
 * one statement that inserts the cases (skipping references that have an open case, by the partial unique index),
 * their two timeline rows (received; the step into the matter's state) and their tasks. Opening a case one by one
 * costs a transaction of about nine statements; ten thousand exceptions of a benefit intake would take minutes.
 * The bulk is audited as one entry with its counts, as the intake that caused it is; each case's timeline says the
 * rest. Runs in the caller's transaction.
 */
@Component
class BulkOpening {

	private static final String OPEN = """
			with opened as (
			    insert into case_file (tenant_id, case_number, procedure_id, procedure_version, channel, state, data, received_at,
			        received_on, due_date, sla_paused_since, created_by, reference, reference_href)
			    select ?, case_number, ?, ?, channel, state, data::jsonb, now(), ?, due_date, paused_since, ?, reference, href
			    from case_opening_load order by case_number
			    on conflict (tenant_id, reference) where reference is not null and closed_at is null do nothing
			    returning case_number
			),
			received as (
			    insert into case_event (tenant_id, case_number, seq, actor, kind, from_state, to_state, details)
			    select ?, l.case_number, 1, ?, 'received', null, ?, l.received::jsonb
			    from opened o join case_opening_load l using (case_number)
			),
			routed as (
			    insert into case_event (tenant_id, case_number, seq, actor, kind, from_state, to_state, details)
			    select ?, l.case_number, 2, ?, l.kind, ?, l.state, l.details::jsonb
			    from opened o join case_opening_load l using (case_number)
			),
			queued as (
			    insert into task (tenant_id, case_number, queue, step, due_date)
			    select ?, l.case_number, l.queue, l.state, l.due_date
			    from opened o join case_opening_load l using (case_number) where l.queue is not null
			)
			select l.reference, l.case_number, l.state from opened o join case_opening_load l using (case_number)
			""";

	private final JdbcClient db;
	private final DataSource dataSource;
	private final Procedures procedures;
	private final CaseMoves moves;
	private final AuditTrail audit;

	BulkOpening(JdbcClient db, DataSource dataSource, Procedures procedures, CaseMoves moves, AuditTrail audit) {
		this.db = db;
		this.dataSource = dataSource;
		this.procedures = procedures;
		this.moves = moves;
		this.audit = audit;
	}

	/** How a case gets from the initial state into the matter's state: the transition, and the clock it then has. */
	private record Route(Transition transition, State state, CaseMoves.Clock clock) {
	}

	List<ReferencedCases.Opened> open(String municipality, String procedureId, List<ReferencedCases.Opening> openings) {
		if (openings.isEmpty()) {
			return List.of();
		}
		Procedure procedure = procedures.current(municipality, procedureId)
			.orElseThrow(() -> new IllegalArgumentException("unknown procedure " + procedureId));
		LocalDate today = LocalDate.now(Cases.TOKYO);
		var unique = new LinkedHashMap<String, ReferencedCases.Opening>();
		openings.forEach(o -> unique.putIfAbsent(o.reference(), o));
		var routes = new HashMap<String, Route>();
		List<Long> serials = db.sql("select nextval('case_serial') from generate_series(1, ?)").param(unique.size()).query(Long.class).list();
		db.sql("""
				create temporary table if not exists case_opening_load (
				    case_number text, reference text, href text, channel text, state text, data text, due_date date, paused_since date,
				    kind text, queue text, received text, details text
				) on commit drop
				""").update();
		db.sql("truncate case_opening_load").update();
		String version = Integer.toString(procedure.version());
		// every query before the COPY: while it streams, its connection takes no other statement
		for (var opening : unique.values()) {
			routes.computeIfAbsent(opening.state(), s -> route(municipality, procedure, s, today));
		}
		try (var copy = BulkCopy.into(dataSource, """
				copy case_opening_load (case_number, reference, href, channel, state, data, due_date, paused_since, kind, queue, received, details)
				from stdin""")) {
			int i = 0;
			for (var opening : unique.values()) {
				var route = routes.get(opening.state());
				String channel = channel(procedure, opening.channel());
				var checked = procedure.check(opening.data(), today);
				if (!checked.valid()) {
					throw new IllegalArgumentException("case data for " + opening.reference() + " is invalid: " + checked.problems());
				}
				var details = new TreeMap<String, String>();
				details.put("transition", route.transition().id());
				if (!opening.deficiencies().isEmpty()) {
					details.put("deficiencies", String.join(",", opening.deficiencies().stream().map(d -> d.path() + "=" + d.reason()).toList()));
				}
				String number = CaseNumber.issue(today.getYear(), serials.get(i++) % 100_000_000L).value();
				copy.text(number).text(opening.reference()).text(opening.href()).text(channel).text(route.state().id())
					.text(Cases.JSON.writeValueAsString(checked.data())).date(route.clock().due()).date(route.clock().pausedSince())
					.text(route.transition().kind().name().toLowerCase(Locale.ROOT)).text(route.state().queue())
					.text(Cases.JSON.writeValueAsString(Map.of("channel", channel, "procedure", procedure.id(), "version", version,
							"reference", opening.reference())))
					.text(Cases.JSON.writeValueAsString(details)).endRow();
			}
			copy.finish();
		}
		String actor = moves.actor();
		String initial = procedure.workflow().initial().id();
		var opened = new ArrayList<ReferencedCases.Opened>();
		var byState = new TreeMap<String, Integer>();
		db.sql(OPEN).params(municipality, procedure.id(), procedure.version(), today, actor, municipality, actor, initial, municipality, actor,
				initial, municipality).query(row -> {
					opened.add(new ReferencedCases.Opened(row.getString(1), row.getString(2)));
					byState.merge(row.getString(3), 1, Integer::sum);
				});
		var event = AuditEvent.of(municipality, "cases.opened-for-references", "procedure", procedure.id()).with("version", version)
			.with("requested", Integer.toString(unique.size())).with("opened", Integer.toString(opened.size()));
		for (var state : byState.entrySet()) {
			event = event.with(state.getKey(), Integer.toString(state.getValue()));
		}
		audit.record(event);
		return opened;
	}

	private Route route(String municipality, Procedure procedure, String stateId, LocalDate today) {
		var workflow = procedure.workflow();
		var state = workflow.state(stateId).filter(s -> !s.terminal())
			.orElseThrow(() -> new IllegalArgumentException(procedure.id() + " has no open state " + stateId));
		var initial = workflow.initial();
		var transition = workflow.transitionsFrom(initial.id()).stream().filter(t -> t.to().equals(stateId)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException(procedure.id() + " has no step from " + initial.id() + " to " + stateId));
		var clock = moves.entering(municipality, procedure, state, moves.opening(municipality, procedure, initial, today), today);
		return new Route(transition, state, clock);
	}

	private static String channel(Procedure procedure, String name) {
		for (Channel channel : procedure.channels()) {
			if (channel.wire().equals(name)) {
				return name;
			}
		}
		throw new IllegalArgumentException(procedure.id() + " does not take channel " + name);
	}
}
