package org.madoguchi.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.madoguchi.documents.LetterType;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.madoguchi.procedures.TransitionKind;
import org.madoguchi.tenancy.OfficeCalendars;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Cases waiting for the resident's correction: a reminder (再通知, repeating the deficiency notice's items) after
 * {@value #REMINDER_DAYS} business days, and withdrawal by the procedure's own withdrawal transition once the
 * deadline in the notice ({@value CaseLetters#CORRECTION_DAYS} business days) has passed without a correction.
 */
@Component
public class DeficiencyFollowUp {

	static final int REMINDER_DAYS = 5;

	private final JdbcClient db;
	private final Procedures procedures;
	private final OfficeCalendars calendars;
	private final Cases cases;
	private final CaseLetters letters;
	private final CaseTimeline timeline;
	private final CaseTransitions transitions;

	DeficiencyFollowUp(JdbcClient db, Procedures procedures, OfficeCalendars calendars, Cases cases, CaseLetters letters, CaseTimeline timeline,
			CaseTransitions transitions) {
		this.db = db;
		this.procedures = procedures;
		this.calendars = calendars;
		this.cases = cases;
		this.letters = letters;
		this.timeline = timeline;
		this.transitions = transitions;
	}

	public record Report(int reminded, int withdrawn) {
	}

	private record Waiting(String caseNumber, boolean owned) {
	}

	/** Follows up one municipality's waiting cases as of a day; run inside its tenant scope. */
	@Transactional
	public Report check(String municipality, LocalDate today) {
		// nothing is due before REMINDER_DAYS calendar days (business days are never fewer); a case about another
		// module's matter is reminded once but never withdrawn here, so once reminded it is not read again
		var waiting = db.sql("""
				select case_number, reference is not null as owned from case_file f
				where tenant_id = ? and sla_paused_since is not null and sla_paused_since <= ?
				  and not (reference is not null and exists (select 1 from case_event e where e.tenant_id = f.tenant_id
				      and e.case_number = f.case_number and e.kind = 'deficiency-reminder'))
				for update skip locked
				""").params(municipality, today.minusDays(REMINDER_DAYS)).query(Waiting.class).list();
		var calendar = calendars.of(municipality);
		int reminded = 0;
		int withdrawn = 0;
		for (Waiting w : waiting) {
			String number = w.caseNumber();
			var file = cases.find(municipality, number).orElseThrow();
			var procedure = procedures.version(municipality, file.procedureId(), file.procedureVersion()).orElseThrow();
			var notice = lastDeficiency(municipality, number);
			if (notice == null) {
				continue;
			}
			LocalDate deadline = calendar.addBusinessDays(file.slaPausedSince(), CaseLetters.CORRECTION_DAYS);
			if (today.isAfter(deadline) && !w.owned()) {
				if (transitions.lapse(municipality, number, "補正期限（" + deadline + "）までに補正がなかったため")) {
					withdrawn++;
				}
			} else if (!today.isBefore(calendar.addBusinessDays(file.slaPausedSince(), REMINDER_DAYS)) && !remindedSince(municipality, number, notice.seq())) {
				remind(municipality, file, procedure, notice, deadline, today);
				reminded++;
			}
		}
		return new Report(reminded, withdrawn);
	}

	private void remind(String municipality, CaseFile file, Procedure procedure, TimelineEntry notice, LocalDate deadline, LocalDate today) {
		JsonNode details = Cases.JSON.readTree(notice.details());
		var deficiencies = new ArrayList<Move.Deficiency>();
		for (String pair : details.path("deficiencies").asString("").split(",")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				deficiencies.add(new Move.Deficiency(pair.substring(0, eq), pair.substring(eq + 1)));
			}
		}
		var transition = procedure.workflow().transition(details.path("transition").asString()).orElse(null);
		Map<String, String> sent = Map.of("letterNotSent", "reminder:no-deficiency-letter");
		// a resident told of the deficiency by letter is reminded by letter: a reminder of its own type, so that it
		// is enclosed and counted apart from first notices, restating the deadline the first notice set
		if (transition != null && transition.letter() != null) {
			var values = CaseLetters.reminder(procedure, List.copyOf(deficiencies), LocalDate.ofInstant(notice.at(), Cases.TOKYO), deadline);
			sent = letters.send(municipality, file, procedure, "reminder", LetterType.REMINDER, values,
					file.caseNumber() + ":reminder:" + notice.seq(), today);
		}
		timeline.append(municipality, file.caseNumber(), "deficiency-reminder", file.state(), file.state(), null, sent);
	}

	private TimelineEntry lastDeficiency(String municipality, String caseNumber) {
		var entries = timeline.of(municipality, caseNumber);
		for (int i = entries.size() - 1; i >= 0; i--) {
			if (entries.get(i).kind().equals(TransitionKind.DEFICIENCY.name().toLowerCase(java.util.Locale.ROOT))) {
				return entries.get(i);
			}
		}
		return null;
	}

	private boolean remindedSince(String municipality, String caseNumber, int seq) {
		return db.sql("select count(*) > 0 from case_event where tenant_id = ? and case_number = ? and kind = 'deficiency-reminder' and seq > ?")
			.params(municipality, caseNumber, seq).query(Boolean.class).single();
	}
}
