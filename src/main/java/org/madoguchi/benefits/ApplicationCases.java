package org.madoguchi.benefits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.madoguchi.casework.Move;
import org.madoguchi.casework.ReferencedCases;
import org.madoguchi.platform.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The casework cases of the applications that need a person (decision 0010): a deficiency the resident must
 * correct (a returned transfer too), a suspected duplicate, an application waiting for a manual check. Intake stays
 * set-based; once it commits, the applications of the programme in such a status without a case get one, in bulk, in
 * a transaction of its own (what it leaves undone, the next intake or the {@link ApplicationCaseSweep} does). When an
 * application leaves its exception, the change that moves it also moves its case, in the same transaction.
 */
@Component
class ApplicationCases {

	static final String PROCEDURE = "cash-benefit";
	private static final Logger LOG = LoggerFactory.getLogger(ApplicationCases.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient db;
	private final ReferencedCases cases;
	private final TransactionTemplate separately;

	ApplicationCases(JdbcClient db, ReferencedCases cases, PlatformTransactionManager transactionManager) {
		this.db = db;
		this.cases = cases;
		this.separately = new TransactionTemplate(transactionManager);
		// afterCommit still holds the committed transaction's connection: a new one must be taken
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The case state for an application status, or null when the status needs nobody. */
	static String caseState(String status) {
		return switch (status) {
			case "correction-needed", "returned" -> "awaiting-resident";
			case "duplicate" -> "duplicate-check";
			case "checking" -> "manual-check";
			default -> null;
		};
	}

	/**
	 * Once the current transaction commits, opens the cases the programme's applications are waiting for; at once
	 * outside a transaction. Asked many times in one transaction (a bank result file of many returns), it runs once.
	 */
	void openAfterCommit(String municipality, String programmeId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			openSeparately(municipality, programmeId);
			return;
		}
		String key = ApplicationCases.class.getName() + ":" + municipality + ":" + programmeId;
		if (TransactionSynchronizationManager.hasResource(key)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				openSeparately(municipality, programmeId);
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(key);
			}
		});
	}

	private void openSeparately(String municipality, String programmeId) {
		try (var scope = TenantScope.open(municipality)) {
			separately.executeWithoutResult(status -> openWaiting(municipality, programmeId));
		} catch (RuntimeException e) {
			// the intake itself has committed; the applications keep waiting for their case and the sweep retries
			LOG.warn("Cases for programme {} of {} were not opened; the sweep will retry", programmeId, municipality, e);
		}
	}

	/** Opens a case for every application of the programme that needs a person and has none; answers how many. */
	int openWaiting(String municipality, String programmeId) {
		record Waiting(long id, String applicationNumber, String channel, String status, String problems) {
		}
		var waiting = db.sql("""
				select id, application_number, channel, status, problems::text as problems from benefit_application
				where tenant_id = ? and programme_id = ? and case_number is null
				  and status in ('correction-needed', 'returned', 'duplicate', 'checking')
				order by id for update skip locked
				""").params(municipality, programmeId).query(Waiting.class).list();
		if (waiting.isEmpty()) {
			return 0;
		}
		var ids = new HashMap<String, Long>();
		var openings = new ArrayList<ReferencedCases.Opening>(waiting.size());
		for (Waiting w : waiting) {
			String reference = reference(programmeId, w.applicationNumber(), w.id());
			ids.put(reference, w.id());
			var problems = JSON.readTree(w.problems());
			openings.add(new ReferencedCases.Opening(reference, href(municipality, programmeId, w.applicationNumber()), w.channel(),
					caseState(w.status()), data(programmeId, w.applicationNumber(), w.status(), problems),
					w.status().equals("duplicate") || w.status().equals("checking") ? List.of() : deficiencies(problems)));
		}
		var opened = cases.openAll(municipality, PROCEDURE, openings);
		var numbers = new HashMap<String, String>();
		opened.forEach(o -> numbers.put(o.reference(), o.caseNumber()));
		// a reference whose case is open already (its number lost by a failure in between) keeps that case
		ids.keySet().stream().filter(r -> !numbers.containsKey(r))
			.forEach(r -> cases.openCase(municipality, r).ifPresent(n -> numbers.put(r, n)));
		db.sql("""
				update benefit_application a set case_number = o.case_number
				from unnest(?::bigint[], ?::text[]) as o(id, case_number)
				where a.tenant_id = ? and a.id = o.id
				""").params(numbers.keySet().stream().map(ids::get).toArray(Long[]::new), numbers.values().toArray(String[]::new),
				municipality).update();
		return opened.size();
	}

	/**
	 * After a change of one application's status in the caller's transaction: its open case moves to
	 * {@code caseState} (a terminal state closes it) with the outcome in its timeline. An application that still
	 * needs a person but has no case gets one after commit.
	 */
	void follow(String municipality, long applicationId, String newStatus, String caseState, String reason, String outcome) {
		record Row(String programmeId, String applicationNumber, String caseNumber) {
		}
		var row = db.sql("select programme_id, application_number, case_number from benefit_application where tenant_id = ? and id = ?")
			.params(municipality, applicationId).query(Row.class).single();
		if (row.caseNumber() == null) {
			if (caseState(newStatus) != null) {
				openAfterCommit(municipality, row.programmeId());
			}
			return;
		}
		var moved = cases.move(municipality, reference(row.programmeId(), row.applicationNumber(), applicationId), caseState, reason,
				Map.of("outcome", outcome, "applicationStatus", newStatus));
		if (moved.isEmpty() || moved.get().closed()) {
			db.sql("update benefit_application set case_number = null where tenant_id = ? and id = ?").params(municipality, applicationId)
				.update();
		}
	}

	/** One per application row: a suspected duplicate shares its number with the household's live application. */
	static String reference(String programmeId, String applicationNumber, long id) {
		return "benefit-application:" + programmeId + ":" + applicationNumber + ":" + id;
	}

	/** The staff page of the application (served by benefits' web layer). */
	static String href(String municipality, String programmeId, String applicationNumber) {
		return "/municipalities/" + municipality + "/benefits/" + programmeId + "/applications/" + applicationNumber;
	}

	private static ObjectNode data(String programmeId, String applicationNumber, String status, JsonNode problems) {
		var data = JSON.createObjectNode();
		var benefit = data.putObject("benefit");
		benefit.put("programmeId", programmeId).put("applicationNumber", ApplicationNumber.parse(applicationNumber).formatted())
			.put("exception", switch (status) {
				case "returned" -> "returned-transfer";
				case "duplicate" -> "suspected-duplicate";
				case "checking" -> "manual-check";
				default -> "deficiency";
			});
		var findings = new ArrayList<String>();
		problems.forEach(p -> findings.add(p.path("path").asString("") + ": " + p.path("code").asString("")));
		if (!findings.isEmpty()) {
			String text = String.join(", ", findings);
			benefit.put("findings", text.length() > 2000 ? text.substring(0, 2000) : text);
		}
		return data;
	}

	/** The automatic checks' problems as the procedure's deficiency reasons, each once. */
	private static List<Move.Deficiency> deficiencies(JsonNode problems) {
		var reasons = new LinkedHashSet<String>();
		for (JsonNode problem : problems) {
			String path = problem.path("path").asString("");
			String code = problem.path("code").asString("");
			reasons.add(switch (code) {
				case "transfer_returned" -> "transfer-returned";
				case "not_member" -> "declined-not-member";
				case "outside_period" -> "outside-period";
				case "not_head" -> "not-head";
				default -> path.startsWith("bank") || path.startsWith("branch") || path.startsWith("account") ? "account" : "other";
			});
		}
		if (reasons.isEmpty()) {
			reasons.add("other");
		}
		return reasons.stream().map(r -> new Move.Deficiency("benefit.findings", r)).toList();
	}
}
