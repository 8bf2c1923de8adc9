package org.madoguchi.casework;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.madoguchi.platform.ScopedTransactions;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.madoguchi.tenancy.Municipalities;
import org.madoguchi.tenancy.OfficeCalendars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches every running SLA clock. When {@code warnAt} of the time is used the operator supervisor gets
 * a task in the {@value WorkQueues#SUPERVISOR} queue; where a procedure has a legal limit with a deferral notice
 * (care certification: 30 days), the notice goes out {@value #MAIL_DAYS} days before the limit, so that it
 * arrives in time, and the case's due date becomes the date the notice promises.
 */
@Component
public class SlaWatch {

	static final int MAIL_DAYS = 5;
	/** How far the deferral notice moves the expected decision: the time a review board usually needs. */
	static final int DEFERRAL_DAYS = 30;
	static final String DEFERRAL_REASON = "認定調査及び主治医意見書の取得に時間を要しているため";

	private final JdbcClient db;
	private final Procedures procedures;
	private final OfficeCalendars calendars;
	private final WorkQueues queues;
	private final CaseTimeline timeline;
	private final CaseLetters letters;
	private final Cases cases;
	private final Municipalities municipalities;
	private final ScopedTransactions transactions;
	private final DeficiencyFollowUp followUp;

	SlaWatch(JdbcClient db, Procedures procedures, OfficeCalendars calendars, WorkQueues queues, CaseTimeline timeline,
			CaseLetters letters, Cases cases, Municipalities municipalities, ScopedTransactions transactions, DeficiencyFollowUp followUp) {
		this.db = db;
		this.procedures = procedures;
		this.calendars = calendars;
		this.queues = queues;
		this.timeline = timeline;
		this.letters = letters;
		this.cases = cases;
		this.municipalities = municipalities;
		this.transactions = transactions;
		this.followUp = followUp;
	}

	public record Report(int warned, int deferred) {
	}

	@Scheduled(fixedDelayString = "${madoguchi.sla.check-interval:PT15M}", initialDelayString = "${madoguchi.sla.first-check:PT2M}")
	void everyFewMinutes() {
		LocalDate today = LocalDate.now(Cases.TOKYO);
		municipalities.all().forEach(m -> transactions.run(m.code(), () -> {
			check(m.code(), today);
			followUp.check(m.code(), today);
		}));
	}

	/** Checks one municipality's clocks as of a day; run inside its tenant scope. */
	@Transactional
	public Report check(String municipality, LocalDate today) {
		record Running(String caseNumber, String procedureId, int procedureVersion, String state, LocalDate receivedOn,
				LocalDate dueDate, boolean slaWarned) {
		}
		var running = db.sql("""
				select case_number, procedure_id, procedure_version, state, received_on, due_date, sla_warned from case_file
				where tenant_id = ? and due_date is not null and sla_paused_since is null
				for update skip locked
				""").param(municipality).query(Running.class).list();
		Map<String, Procedure> seen = new HashMap<>();
		var calendar = calendars.of(municipality);
		int warned = 0;
		int deferred = 0;
		for (Running c : running) {
			var procedure = seen.computeIfAbsent(c.procedureId() + "@" + c.procedureVersion(),
					k -> procedures.version(municipality, c.procedureId(), c.procedureVersion()).orElseThrow());
			var sla = procedure.sla().orElse(null);
			var state = procedure.workflow().state(c.state()).orElseThrow();
			if (sla == null || state.terminal() || sla.stopsAt().contains(c.state())) {
				continue;
			}
			if (!c.slaWarned() && !today.isBefore(CaseMoves.clock(sla).warningDate(c.receivedOn(), c.dueDate(), calendar))) {
				db.sql("update case_file set sla_warned = true where tenant_id = ? and case_number = ?").params(municipality, c.caseNumber())
					.update();
				queues.enqueue(municipality, c.caseNumber(), WorkQueues.SUPERVISOR, "sla-warning", c.dueDate());
				timeline.append(municipality, c.caseNumber(), "sla-warning", c.state(), c.state(), null, Map.of("dueDate", c.dueDate().toString()));
				warned++;
			}
			if (sla.deferralLetter() != null && sla.deferralBeforeDay() != null && !deferralSent(municipality, c.caseNumber())) {
				LocalDate limit = c.receivedOn().plusDays(sla.deferralBeforeDay());
				if (!today.isBefore(limit.minusDays(MAIL_DAYS))) {
					LocalDate expected = limit.plusDays(DEFERRAL_DAYS);
					var file = cases.find(municipality, c.caseNumber()).orElseThrow();
					var sent = letters.send(municipality, file, procedure, sla.deferralLetter(),
							Map.of("reason", DEFERRAL_REASON, "expectedDate", expected, "procedureName", procedure.name().ja()),
							c.caseNumber() + ":deferral", today);
					db.sql("update case_file set due_date = ? where tenant_id = ? and case_number = ?").params(expected, municipality, c.caseNumber())
						.update();
					var details = new HashMap<>(sent);
					details.put("expectedDate", expected.toString());
					timeline.append(municipality, c.caseNumber(), "deferral-notice", c.state(), c.state(), DEFERRAL_REASON, details);
					deferred++;
				}
			}
		}
		return new Report(warned, deferred);
	}

	private boolean deferralSent(String municipality, String caseNumber) {
		return db.sql("select count(*) > 0 from case_event where tenant_id = ? and case_number = ? and kind = 'deferral-notice'")
			.params(municipality, caseNumber).query(Boolean.class).single();
	}
}
