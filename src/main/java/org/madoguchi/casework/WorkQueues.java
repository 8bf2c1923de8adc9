package org.madoguchi.casework;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues of work per procedure step. Claiming takes the most urgent open task (due date, then arrival)
 * that nobody holds, skipping rows another worker is claiming at this very moment, so fifty people
 * pressing "next" together each get a different task and nobody waits. A claim left idle longer than the
 * timeout counts as released.
 */
@Service
public class WorkQueues {

	/** Where disagreeing double keyings wait for a checker who keyed neither round. */
	public static final String CONFLICTS = "keying-conflicts";
	/** The operator supervisor's queue: SLA warnings, and requests from the city. */
	public static final String SUPERVISOR = "supervisor";

	private final JdbcClient db;
	private final Duration idleTimeout;

	WorkQueues(JdbcClient db, @Value("${madoguchi.work.idle-timeout:30m}") Duration idleTimeout) {
		this.db = db;
		this.idleTimeout = idleTimeout;
	}

	public Duration idleTimeout() {
		return idleTimeout;
	}

	@Transactional
	public long enqueue(String municipality, String caseNumber, String queue, String step, LocalDate dueDate) {
		return db.sql("""
				insert into task (tenant_id, case_number, queue, step, due_date) values (?, ?, ?, ?, ?) returning id
				""").params(municipality, caseNumber, queue, step, dueDate).query(Long.class).single();
	}

	/** Claims the next task in one of the given queues, or nothing when they are empty. */
	@Transactional
	public Optional<Task> claimNext(String municipality, Collection<String> queues, String worker) {
		return db.sql("""
				with next as (
				    select tenant_id, id from task
				    where tenant_id = ? and queue = any (?) and completed_at is null
				      and (claimed_by is null or claimed_at < ?)
				    order by due_date nulls last, arrived_at, id
				    limit 1
				    for update skip locked
				)
				update task t set claimed_by = ?, claimed_at = now(), claims = t.claims + 1
				from next where t.tenant_id = next.tenant_id and t.id = next.id
				returning t.id, t.case_number, t.queue, t.step, t.due_date, t.arrived_at, t.claimed_by
				""").params(municipality, queues.toArray(String[]::new), Timestamp.from(Instant.now().minus(idleTimeout)), worker)
			.query(Task.class).optional();
	}

	/** Marks a claimed task done; false when the worker no longer holds it (it timed out and moved on). */
	@Transactional
	public boolean complete(String municipality, long taskId, String worker) {
		return db.sql("""
				update task set completed_at = now(), completed_by = ?
				where tenant_id = ? and id = ? and claimed_by = ? and completed_at is null
				""").params(worker, municipality, taskId, worker).update() == 1;
	}

	/** Closes every open task of a case, e.g. when it leaves the step by another route. */
	@Transactional
	public int closeOpen(String municipality, String caseNumber, String actor) {
		return db.sql("update task set completed_at = now(), completed_by = ? where tenant_id = ? and case_number = ? and completed_at is null")
			.params(actor, municipality, caseNumber).update();
	}

	public Optional<Task> find(String municipality, long taskId) {
		return db.sql("select id, case_number, queue, step, due_date, arrived_at, claimed_by from task where tenant_id = ? and id = ?")
			.params(municipality, taskId).query(Task.class).optional();
	}

	/** Open tasks per queue: the supervisor's view of the backlog. */
	public List<QueueLoad> load(String municipality) {
		return db.sql("""
				select queue, count(*) as open, count(claimed_by) filter (where claimed_at >= ?) as claimed,
				       count(*) filter (where due_date < current_date) as overdue, min(due_date) as earliest_due
				from task where tenant_id = ? and completed_at is null group by queue order by queue
				""").params(Timestamp.from(Instant.now().minus(idleTimeout)), municipality).query(QueueLoad.class).list();
	}

	/** A supervisor moves a task back to the queue (or it is picked up by someone else). */
	@Transactional
	public boolean release(String municipality, long taskId) {
		return db.sql("update task set claimed_by = null, claimed_at = null where tenant_id = ? and id = ? and completed_at is null")
			.params(municipality, taskId).update() == 1;
	}

	public record QueueLoad(String queue, long open, long claimed, long overdue, LocalDate earliestDue) {
	}
}
