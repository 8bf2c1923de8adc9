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
 * queue of the state gets (or loses) the case's task. Runs inside the caller's transaction, which holds the
 * case's row lock, so the clock read with the case is still the stored one.
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

	/** Where a case's SLA clock stands: its due date and since when it is paused (either may be null). */
	record Clock(LocalDate due, LocalDate pausedSince) {
	}

	/** The clock of a new case in its first state. */
	Clock opening(String municipality, Procedure procedure, State first, LocalDate today) {
		return entering(municipality, procedure, first, new Clock(null, null), today);
	}

	/** Queues the new case's first task, if its first state has a queue. */
	void queueOpened(String municipality, String caseNumber, State first, Clock clock) {
		queue(municipality, caseNumber, first, clock.due());
	}

	/**
	 * Moves a locked case from one state to the next (or back into the same one): its open tasks close, time
	 * spent paused extends the deadline, the clock starts or pauses as the new state says, the state is
	 * written, and the new state's queue gets a task. Answers the due date afterwards.
	 */
	LocalDate move(String municipality, CaseFile file, Procedure procedure, State from, State to, LocalDate today) {
		queues.closeOpen(municipality, file.caseNumber(), actor());
		var clock = new Clock(file.dueDate(), file.slaPausedSince());
		if (from.pausesSla() && clock.pausedSince() != null) {
			LocalDate due = clock.due();
			if (due != null && procedure.sla().isPresent()) {
				due = clock(procedure.sla().get()).afterPause(due, clock.pausedSince(), today, calendars.of(municipality));
			}
			clock = new Clock(due, null);
		}
		clock = entering(municipality, procedure, to, clock, today);
		db.sql("""
				update case_file set state = ?, due_date = ?, sla_paused_since = ?, updated_at = now(),
				    closed_at = case when ? then now() end
				where tenant_id = ? and case_number = ?
				""").params(to.id(), clock.due(), clock.pausedSince(), to.terminal(), municipality, file.caseNumber()).update();
		queue(municipality, file.caseNumber(), to, clock.due());
		return clock.due();
	}

	Clock entering(String municipality, Procedure procedure, State state, Clock clock, LocalDate today) {
		var sla = procedure.sla();
		LocalDate due = clock.due();
		if (due == null && sla.isPresent() && sla.get().startsAt().equals(state.id())) {
			due = clock(sla.get()).dueDate(today, calendars.of(municipality));
		}
		return new Clock(due, state.pausesSla() ? today : clock.pausedSince());
	}

	private void queue(String municipality, String caseNumber, State state, LocalDate due) {
		if (state.queue() != null && !state.terminal()) {
			queues.enqueue(municipality, caseNumber, state.queue(), state.id(), due);
		}
	}

	/** Two keyings disagree: the case waits in the checkers' conflict queue, still in its state. */
	void conflict(String municipality, CaseFile file) {
		queues.closeOpen(municipality, file.caseNumber(), actor());
		queues.enqueue(municipality, file.caseNumber(), WorkQueues.CONFLICTS, "resolve-keying", file.dueDate());
	}
}
