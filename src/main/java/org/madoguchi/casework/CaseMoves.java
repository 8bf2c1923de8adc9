package org.madoguchi.casework;

import java.time.LocalDate;

import org.madoguchi.platform.Caller;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Sla;
import org.madoguchi.procedures.State;
import org.madoguchi.tenancy.OfficeCalendars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What happens on the way into and out of a state: the SLA clock starts, pauses or resumes, and the work
 * queue of the state gets (or loses) the case's task. Runs inside the caller's transaction.
 */
@Component
class CaseMoves {

	private final JdbcClient db;
	private final WorkQueues queues;
	private final OfficeCalendars calendars;

	CaseMoves(JdbcClient db, WorkQueues queues, OfficeCalendars calendars) {
		this.db = db;
		this.queues = queues;
		this.calendars = calendars;
	}

	String actor() {
		return Caller.current().map(Caller::username).orElse("system");
	}

	static SlaClock clock(Sla sla) {
		return new SlaClock(sla.limit(), sla.unit() == Sla.Unit.CALENDAR_DAYS ? SlaClock.Unit.CALENDAR_DAYS : SlaClock.Unit.BUSINESS_DAYS,
				sla.warnAt());
	}

	/** Enters a state; answers the case's due date after entering. */
	LocalDate enter(String municipality, String caseNumber, Procedure procedure, State state, LocalDate today) {
		var sla = procedure.sla();
		if (sla.isPresent() && sla.get().startsAt().equals(state.id())) {
			db.sql("update case_file set due_date = ? where tenant_id = ? and case_number = ? and due_date is null")
				.params(clock(sla.get()).dueDate(today, calendars.of(municipality)), municipality, caseNumber).update();
		}
		if (state.pausesSla()) {
			db.sql("update case_file set sla_paused_since = ? where tenant_id = ? and case_number = ?").params(today, municipality, caseNumber)
				.update();
		}
		LocalDate due = db.sql("select due_date from case_file where tenant_id = ? and case_number = ?").params(municipality, caseNumber)
			.query(LocalDate.class).optional().orElse(null);
		if (state.queue() != null && !state.terminal()) {
			queues.enqueue(municipality, caseNumber, state.queue(), state.id(), due);
		}
		return due;
	}

	/** Two keyings disagree: the case waits in the checkers' conflict queue, still in its state. */
	void conflict(String municipality, CaseFile file) {
		queues.closeOpen(municipality, file.caseNumber(), actor());
		queues.enqueue(municipality, file.caseNumber(), WorkQueues.CONFLICTS, "resolve-keying", file.dueDate());
	}

	/** Leaves a state: its open tasks close, and time spent paused is added to the deadline. */
	void leave(String municipality, CaseFile file, Procedure procedure, State state, LocalDate today) {
		queues.closeOpen(municipality, file.caseNumber(), actor());
		if (state.pausesSla() && file.slaPausedSince() != null && file.dueDate() != null && procedure.sla().isPresent()) {
			LocalDate due = clock(procedure.sla().get()).afterPause(file.dueDate(), file.slaPausedSince(), today, calendars.of(municipality));
			db.sql("update case_file set due_date = ?, sla_paused_since = null where tenant_id = ? and case_number = ?")
				.params(due, municipality, file.caseNumber()).update();
		}
	}
}
