package org.madoguchi.casework;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Role;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.madoguchi.procedures.Transition;
import org.madoguchi.procedures.TransitionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.node.ObjectNode;

/**
 * Moves cases along their procedure's workflow under the legal lines: only the roles a transition names
 * may take it, a decision is a municipal official's and never one who keyed or checked the same case, and
 * double keying needs two different clerks.
 */
@Service
public class CaseTransitions {

	private static final Set<String> PREPARING = Set.of("keyed", "keying", "keying-resolved", "check", "deficiency", "correction");
	private final JdbcClient db;
	private final Cases cases;
	private final Procedures procedures;
	private final PersonalFields personal;
	private final DoubleKeying keying;
	private final CaseMoves moves;
	private final CaseTimeline timeline;
	private final CaseLetters letters;

	CaseTransitions(JdbcClient db, Cases cases, Procedures procedures, PersonalFields personal, DoubleKeying keying, CaseMoves moves,
			CaseTimeline timeline, CaseLetters letters) {
		this.db = db;
		this.cases = cases;
		this.procedures = procedures;
		this.personal = personal;
		this.keying = keying;
		this.moves = moves;
		this.timeline = timeline;
		this.letters = letters;
	}

	/** Takes a transition; answers the case's state afterwards. */
	@Transactional
	public String take(String municipality, String caseNumber, Move move) {
		var caller = Caller.current().orElseThrow();
		var file = cases.lock(municipality, caseNumber).orElseThrow(() -> new NotFound("caseNumber"));
		if (ownedElsewhere(municipality, caseNumber)) {
			throw new Conflict(409, "transition", "moved_by_owner");
		}
		var procedure = procedures.version(municipality, file.procedureId(), file.procedureVersion()).orElseThrow();
		if (Move.RESOLVE_KEYING.equals(move.transition())) {
			return resolveKeying(municipality, file, procedure, move, caller);
		}
		if (move.transition() == null) {
			throw new InvalidInput("transition", "required");
		}
		Transition transition = procedure.workflow().transition(move.transition())
			.orElseThrow(() -> new InvalidInput("transition", "unknown_transition"));
		if (!transition.leaves(file.state())) {
			throw new Conflict(409, "transition", "wrong_state");
		}
		if (!transition.allowsAnyOf(caller.roles())) {
			throw new Conflict(403, "transition", "transition_not_allowed");
		}
		LocalDate today = LocalDate.now(Cases.TOKYO);
		Map<String, String> details = Map.of();
		switch (transition.kind()) {
			case KEYING -> {
				var keyed = personal.seal(municipality, procedure, checkedFully(procedure, move, file));
				if (!transition.doubleKeying()) {
					store(municipality, file, procedure, keyed.data());
					break;
				}
				var outcome = keying.key(municipality, file.caseNumber(), caller.username(), keyed);
				switch (outcome) {
					case DoubleKeying.AwaitingSecond waiting -> {
						timeline.append(municipality, file.caseNumber(), "keyed", file.state(), file.state(), null, Map.of("round", "1"));
						requeue(municipality, file, procedure);
						return file.state();
					}
					case DoubleKeying.Disagreed disagreed -> {
						timeline.append(municipality, file.caseNumber(), "keyed", file.state(), file.state(), null,
								Map.of("round", "2", "conflicts", String.join(",", disagreed.paths())));
						moves.conflict(municipality, file);
						return file.state();
					}
					case DoubleKeying.Agreed agreed -> {
						store(municipality, file, procedure, agreed.data());
						timeline.append(municipality, file.caseNumber(), "keyed", file.state(), file.state(), null, Map.of("round", "2"));
						details = Map.of("keyers", String.join(",", keying.keyers(municipality, file.caseNumber())));
					}
				}
			}
			case DEFICIENCY -> details = deficiencies(procedure, move);
			case CORRECTION -> {
				if (move.data() != null) {
					correct(municipality, file, procedure, move);
				}
			}
			case DECISION -> {
				var preparers = preparers(municipality, file.caseNumber());
				if (preparers.contains(caller.username())) {
					throw new Conflict(403, "transition", "segregation_of_duties");
				}
			}
			default -> {
			}
		}
		var letterValues = transition.letter() == null ? Map.<String, Object>of()
				: letters.values(municipality, file, procedure, transition, move, today);
		return finish(municipality, file, procedure, transition, kindName(transition.kind()), move.reason(), details, today, letterValues);
	}

	/**
	 * Withdraws a case whose correction deadline passed, by the procedure's own withdrawal transition from the
	 * case's state; a system act, so no role is checked. False when the procedure offers no such way.
	 */
	@Transactional
	public boolean lapse(String municipality, String caseNumber, String reason) {
		var file = cases.lock(municipality, caseNumber).orElseThrow();
		var procedure = procedures.version(municipality, file.procedureId(), file.procedureVersion()).orElseThrow();
		var withdrawal = procedure.workflow().transitionsFrom(file.state()).stream().filter(t -> t.kind() == TransitionKind.WITHDRAWAL)
			.findFirst();
		if (withdrawal.isEmpty()) {
			return false;
		}
		finish(municipality, file, procedure, withdrawal.get(), "lapsed", reason, Map.of(), LocalDate.now(Cases.TOKYO), Map.of());
		return true;
	}

	private String finish(String municipality, CaseFile file, Procedure procedure, Transition transition, String kind, String reason,
			Map<String, String> details, LocalDate today, Map<String, Object> letterValues) {
		var from = procedure.workflow().state(file.state()).orElseThrow();
		var to = procedure.workflow().state(transition.to()).orElseThrow();
		moves.move(municipality, file, procedure, from, to, today);
		var all = new java.util.HashMap<>(details);
		all.put("transition", transition.id());
		if (transition.letter() != null) {
			var current = cases.find(municipality, file.caseNumber()).orElseThrow();
			int seq = timeline.of(municipality, file.caseNumber()).size() + 1;
			all.putAll(letters.send(municipality, current, procedure, transition.letter(), letterValues, file.caseNumber() + ":" + transition.id() + ":" + seq,
					today));
		}
		timeline.append(municipality, file.caseNumber(), kind, from.id(), to.id(), reason, all);
		return to.id();
	}

	private String resolveKeying(String municipality, CaseFile file, Procedure procedure, Move move, Caller caller) {
		if (!caller.hasRole(Role.OPERATOR_CHECKER.name()) && !caller.hasRole(Role.OPERATOR_SUPERVISOR.name())) {
			throw new Conflict(403, "transition", "transition_not_allowed");
		}
		var keyers = keying.keyers(municipality, file.caseNumber());
		if (keyers.size() < 2) {
			throw new Conflict(409, "transition", "wrong_state");
		}
		if (keyers.contains(caller.username())) {
			throw new Conflict(403, "transition", "same_keyer");
		}
		if (move.data() == null || !move.data().isObject()) {
			throw new InvalidInput("data", "required");
		}
		var decisions = personal.seal(municipality, procedure, checkedPart(procedure, (ObjectNode) move.data(), file));
		var data = keying.resolved(municipality, file.caseNumber(), decisions.data());
		var transition = procedure.workflow().transitionsFrom(file.state()).stream()
			.filter(t -> t.kind() == TransitionKind.KEYING && t.doubleKeying()).findFirst().orElseThrow();
		store(municipality, file, procedure, data);
		return finish(municipality, file, procedure, transition, "keying-resolved", move.reason(),
				Map.of("keyers", String.join(",", keyers)), LocalDate.now(Cases.TOKYO), Map.of());
	}

	private ObjectNode checkedFully(Procedure procedure, Move move, CaseFile file) {
		if (move.data() == null || !move.data().isObject()) {
			throw new InvalidInput("data", "required");
		}
		var checked = procedure.check(move.data(), file.receivedOn());
		if (!checked.valid()) {
			throw new InvalidInput(checked.problems());
		}
		return checked.data();
	}

	/** A correction or a resolution carries only some fields: they are checked, missing ones are not missing. */
	private static ObjectNode checkedPart(Procedure procedure, ObjectNode part, CaseFile file) {
		var checked = procedure.check(part, file.receivedOn());
		var problems = checked.problems().stream().filter(p -> !"required".equals(p.code())).toList();
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return checked.data();
	}

	private void correct(String municipality, CaseFile file, Procedure procedure, Move move) {
		if (!move.data().isObject()) {
			throw new InvalidInput("data", "type");
		}
		var sealed = personal.seal(municipality, procedure, checkedPart(procedure, (ObjectNode) move.data(), file));
		var data = (ObjectNode) Cases.JSON.readTree(file.data());
		DoubleKeying.merge(data, sealed.data());
		store(municipality, file, procedure, data);
	}

	private static Map<String, String> deficiencies(Procedure procedure, Move move) {
		if (move.deficiencies() == null || move.deficiencies().isEmpty()) {
			throw new InvalidInput("deficiencies", "required");
		}
		var problems = new InvalidInput.Collector();
		var known = new HashSet<String>();
		procedure.deficiencyReasons().forEach(r -> known.add(r.code()));
		var listed = new StringBuilder();
		for (int i = 0; i < move.deficiencies().size(); i++) {
			var deficiency = move.deficiencies().get(i);
			if (deficiency.path() == null || deficiency.path().isBlank()) {
				problems.add("deficiencies[" + i + "].path", "required");
			}
			if (deficiency.reason() == null || !known.contains(deficiency.reason())) {
				problems.add("deficiencies[" + i + "].reason", "unknown_reason");
			}
			listed.append(listed.isEmpty() ? "" : ",").append(deficiency.path()).append('=').append(deficiency.reason());
		}
		problems.throwIfAny();
		return Map.of("deficiencies", listed.toString());
	}

	private void store(String municipality, CaseFile file, Procedure procedure, ObjectNode data) {
		db.sql("update case_file set data = ?::jsonb, updated_at = now() where tenant_id = ? and case_number = ?")
			.params(Cases.JSON.writeValueAsString(data), municipality, file.caseNumber()).update();
	}

	private void requeue(String municipality, CaseFile file, Procedure procedure) {
		var state = procedure.workflow().state(file.state()).orElseThrow();
		moves.move(municipality, file, procedure, state, state, LocalDate.now(Cases.TOKYO));
	}

	/** Everyone who keyed, checked or returned the case: none of them may decide it. */
	List<String> preparers(String municipality, String caseNumber) {
		return db.sql("""
				select keyed_by from keying where tenant_id = ? and case_number = ?
				union
				select actor from case_event where tenant_id = ? and case_number = ? and kind = any (?)
				""").params(municipality, caseNumber, municipality, caseNumber, PREPARING.toArray(String[]::new))
			.query(String.class).list();
	}

	/** A case about another module's matter moves when that module says so (see {@link ReferencedCases}). */
	private boolean ownedElsewhere(String municipality, String caseNumber) {
		return db.sql("select reference is not null from case_file where tenant_id = ? and case_number = ?").params(municipality, caseNumber)
			.query(Boolean.class).single();
	}

	private static String kindName(TransitionKind kind) {
		return kind.name().toLowerCase(java.util.Locale.ROOT);
	}
}
