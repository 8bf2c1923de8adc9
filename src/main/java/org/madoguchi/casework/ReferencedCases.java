package org.madoguchi.casework;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.madoguchi.procedures.Transition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.node.ObjectNode;

/**
 * Cases about a matter another module owns, named by that module's reference (e.g. a benefit application). The
 * owner opens them in bulk ({@link BulkOpening}), at most one open case per reference, and moves them when the
 * matter changes; people work them from the queues but act on the owner's page, which the case links to, so the
 * matter and its case never disagree. Casework knows the reference and the link, not what they name.
 */
@Service
public class ReferencedCases {

	/** A case to open: the owner's reference and page, the state the matter is in (one step from the initial state). */
	public record Opening(String reference, String href, String channel, String state, ObjectNode data, List<Move.Deficiency> deficiencies) {

		public Opening {
			if (reference == null || reference.isBlank() || reference.length() > 200) {
				throw new IllegalArgumentException("a reference has 1 to 200 characters");
			}
			if (href == null || !href.matches("/[^/].*")) {
				throw new IllegalArgumentException("a reference's page is a path of this application");
			}
			deficiencies = deficiencies == null ? List.of() : List.copyOf(deficiencies);
		}
	}

	public record Opened(String reference, String caseNumber) {
	}

	/** Where a referenced case stands after a move; {@code closed} once it reached a terminal state. */
	public record Moved(String caseNumber, String state, boolean closed) {
	}

	/** The reference of a case and the owner's page for it. */
	public record Reference(String reference, String href) {
	}

	private final JdbcClient db;
	private final BulkOpening bulk;
	private final Cases cases;
	private final Procedures procedures;
	private final CaseMoves moves;
	private final CaseTimeline timeline;

	ReferencedCases(JdbcClient db, BulkOpening bulk, Cases cases, Procedures procedures, CaseMoves moves, CaseTimeline timeline) {
		this.db = db;
		this.bulk = bulk;
		this.cases = cases;
		this.procedures = procedures;
		this.moves = moves;
		this.timeline = timeline;
	}

	/**
	 * Opens a case for every reference that has no open case yet, set-based, in the caller's transaction; answers
	 * the cases opened (a reference with an open case is skipped, so a retry opens nothing twice).
	 */
	@Transactional
	public List<Opened> openAll(String municipality, String procedureId, List<Opening> openings) {
		return bulk.open(municipality, procedureId, openings);
	}

	/**
	 * Moves the open case of a reference to {@code state} by the procedure's transition between the two, as an act
	 * of the owner (the person who acted there is the actor), with the outcome in the timeline. Empty when the
	 * reference has no open case; a case already in that state is left as it is.
	 */
	@Transactional
	public Optional<Moved> move(String municipality, String reference, String state, String reason, Map<String, String> details) {
		var number = openCase(municipality, reference);
		if (number.isEmpty()) {
			return Optional.empty();
		}
		var file = cases.lock(municipality, number.get()).orElseThrow();
		Procedure procedure = procedures.version(municipality, file.procedureId(), file.procedureVersion()).orElseThrow();
		var from = procedure.workflow().state(file.state()).orElseThrow();
		if (from.id().equals(state)) {
			return Optional.of(new Moved(file.caseNumber(), state, from.terminal()));
		}
		Transition transition = procedure.workflow().transitionsFrom(from.id()).stream().filter(t -> t.to().equals(state)).findFirst()
			.orElseThrow(() -> new IllegalStateException(procedure.id() + " has no way from " + from.id() + " to " + state));
		var to = procedure.workflow().state(state).orElseThrow();
		LocalDate today = LocalDate.now(Cases.TOKYO);
		moves.move(municipality, file, procedure, from, to, today);
		var all = new HashMap<>(details == null ? Map.<String, String>of() : details);
		all.put("transition", transition.id());
		timeline.append(municipality, file.caseNumber(), transition.kind().name().toLowerCase(java.util.Locale.ROOT), from.id(), to.id(),
				reason, all);
		return Optional.of(new Moved(file.caseNumber(), to.id(), to.terminal()));
	}

	public Optional<String> openCase(String municipality, String reference) {
		return db.sql("select case_number from case_file where tenant_id = ? and reference = ? and closed_at is null")
			.params(municipality, reference).query(String.class).optional();
	}

	/** The owner's reference of a case, if it is about a matter of another module. */
	public Optional<Reference> of(String municipality, String caseNumber) {
		return db.sql("""
				select reference, reference_href as href from case_file where tenant_id = ? and case_number = ? and reference is not null
				""").params(municipality, caseNumber).query(Reference.class).optional();
	}
}
