package org.madoguchi.casework;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Role;
import org.madoguchi.procedures.Procedures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may work which queue, derived from the procedures: a state's queue is open to the roles of the
 * transitions leaving it. Assigning a task to a named person is the operator supervisor's act alone — a
 * city official directing operator staff would be disguised contracting (偽装請負).
 */
@Service
public class Worklists {

	private final Procedures procedures;
	private final WorkQueues queues;
	private final CaseTransitions transitions;
	private final JdbcClient db;

	Worklists(Procedures procedures, WorkQueues queues, CaseTransitions transitions, JdbcClient db) {
		this.procedures = procedures;
		this.queues = queues;
		this.transitions = transitions;
		this.db = db;
	}

	public Set<String> queuesOf(String municipality, Caller caller) {
		var allowed = new TreeSet<String>();
		for (var procedure : procedures.all(municipality)) {
			for (var state : procedure.workflow().states()) {
				if (state.queue() != null && procedure.workflow().transitionsFrom(state.id()).stream().anyMatch(t -> t.allowsAnyOf(caller.roles()))) {
					allowed.add(state.queue());
				}
			}
		}
		if (caller.hasRole(Role.OPERATOR_CHECKER.name()) || caller.hasRole(Role.OPERATOR_SUPERVISOR.name())) {
			allowed.add(WorkQueues.CONFLICTS);
		}
		if (caller.hasRole(Role.OPERATOR_SUPERVISOR.name())) {
			allowed.add(WorkQueues.SUPERVISOR);
		}
		return allowed;
	}

	/** The next task of one queue, or of the most urgent queue the caller may work when none is named. */
	@Transactional
	public Optional<Task> next(String municipality, String queue) {
		var caller = Caller.current().orElseThrow();
		var mine = queuesOf(municipality, caller);
		if (queue != null && !mine.contains(queue)) {
			throw new Conflict(403, "queue", "queue_not_allowed");
		}
		return queues.claimNext(municipality, queue == null ? mine : Set.of(queue), caller.username());
	}

	/** Completes a claimed task by taking a transition on its case; answers the case's new state. */
	@Transactional
	public String complete(long taskId, Move move) {
		var caller = Caller.current().orElseThrow();
		record Held(String tenantId, String caseNumber, String claimedBy, java.time.Instant completedAt) {
		}
		var task = db.sql("select tenant_id, case_number, claimed_by, completed_at from task where id = ?").param(taskId).query(Held.class)
			.optional().orElseThrow(() -> new NotFound("id"));
		if (task.completedAt() != null) {
			throw new Conflict(409, "id", "task_completed");
		}
		if (!caller.username().equals(task.claimedBy())) {
			throw new Conflict(409, "id", "task_not_claimed");
		}
		// taking the transition closes the case's open tasks, this one included
		return transitions.take(task.tenantId(), task.caseNumber(), move);
	}

	/** A supervisor hands a task to a named operator employee; nobody else may. */
	@Transactional
	public void assign(String municipality, long taskId, String assignee) {
		var caller = Caller.current().orElseThrow();
		if (caller.hasRole(Role.MUNICIPAL_OFFICIAL.name())) {
			throw new Conflict(403, "assignee", "direct_instruction_forbidden");
		}
		if (!caller.hasRole(Role.OPERATOR_SUPERVISOR.name())) {
			throw new Conflict(403, "assignee", "transition_not_allowed");
		}
		boolean operatorHere = db.sql("""
				select count(*) > 0 from staff_account a join account_municipality m on m.account_id = a.id
				where a.username = ? and a.organization = 'OPERATOR' and m.municipality = ?
				""").params(assignee, municipality).query(Boolean.class).single();
		if (!operatorHere) {
			throw new org.madoguchi.platform.InvalidInput("assignee", "unknown_assignee");
		}
		if (db.sql("update task set claimed_by = ?, claimed_at = now() where tenant_id = ? and id = ? and completed_at is null")
			.params(assignee, municipality, taskId).update() == 0) {
			throw new NotFound("id");
		}
	}
}
