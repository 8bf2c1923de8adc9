package org.madoguchi.benefits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Role;
import org.madoguchi.privacy.PersonalDataKind;
import org.madoguchi.privacy.PersonalDataVault;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The resident's answer to a deficiency or a returned transfer, keyed by the back office: another account.
 * The account is checked again as on intake; when no problem is left, a returned application goes back to
 * "approved" (the city's decision on the entitlement stands, only the account changed) and a deficient one
 * to "checked" for the official's next approval. Problems an account cannot cure (a non-head applicant, a
 * late form) stay for a person to decide.
 */
@Service
public class Corrections {

	/** The problems another account cures; the portal offers its correction form only when these are all there are. */
	static final Set<String> ACCOUNT_PATHS = Set.of("bank_code", "branch_code", "account_type", "account_number",
			"account_holder_kana", "account");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient db;
	private final PersonalDataVault vault;
	private final AuditTrail audit;
	private final ApplicationCases cases;

	Corrections(JdbcClient db, PersonalDataVault vault, AuditTrail audit, ApplicationCases cases) {
		this.cases = cases;
		this.db = db;
		this.vault = vault;
		this.audit = audit;
	}

	/**
	 * A checker's confirmation of an application that passed every automatic check of a programme with
	 * {@code manualCheck} on: from "checking" to "checked", ready for the official's approval.
	 */
	@Transactional
	public String confirmChecked(String municipality, String programmeId, String typedNumber) {
		BenefitRoles.require(Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR);
		var number = ApplicationNumber.parse(typedNumber);
		var updated = db.sql("""
				update benefit_application set status = 'checked', updated_at = now()
				where tenant_id = ? and programme_id = ? and application_number = ? and status = 'checking'
				returning id
				""").params(municipality, programmeId, number.value()).query(Long.class).optional()
			.orElseThrow(() -> new Conflict(409, "applicationNumber", "wrong_state"));
		audit.record(AuditEvent.of(municipality, "benefit.application.checked", "benefit-application", number.value()));
		cases.follow(municipality, updated, "checked", "confirmed", null, "checked-by-hand");
		return "checked";
	}

	public record NewAccount(String bankCode, String branchCode, String accountType, String accountNumber, String holderKana) {
	}

	/** Answers the application's status afterwards; an account that is still wrong is refused (422) and changes nothing. */
	@Transactional
	public String correctAccount(String municipality, String programmeId, String typedNumber, NewAccount given) {
		return correctAccount(municipality, programmeId, typedNumber, given, Map.of());
	}

	/**
	 * The same, with {@code by} added to the audit entry: a resident correcting through the portal has no staff
	 * identity for the trail's actor, so the entry says who and through which channel instead.
	 */
	@Transactional
	String correctAccount(String municipality, String programmeId, String typedNumber, NewAccount given, Map<String, String> by) {
		var number = ApplicationNumber.parse(typedNumber);
		record Live(long id, String status, String problems, boolean manual) {
		}
		var live = db.sql("""
				select a.id, a.status, a.problems::text as problems, p.manual_check as manual from benefit_application a
				join benefit_programme p on p.tenant_id = a.tenant_id and p.id = a.programme_id
				where a.tenant_id = ? and a.programme_id = ? and a.application_number = ? and a.status not in ('duplicate', 'rejected')
				for update of a
				""").params(municipality, programmeId, number.value()).query(Live.class).optional()
			.orElseThrow(() -> new NotFound("applicationNumber"));
		if (!live.status().equals("correction-needed") && !live.status().equals("returned")) {
			throw new Conflict(409, "applicationNumber", "wrong_state");
		}
		var problems = new InvalidInput.Collector();
		var checked = PayeeAccountCheck.check(given.bankCode(), given.branchCode(), given.accountType(), given.accountNumber(),
				given.holderKana(), problems);
		problems.throwIfAny();
		var sealed = vault.store(municipality, PersonalDataKind.BANK_ACCOUNT, checked.account().number());
		List<Map<String, String>> remaining = new ArrayList<>();
		for (var problem : JSON.readTree(live.problems())) {
			if (!ACCOUNT_PATHS.contains(problem.get("path").asString())) {
				remaining.add(Map.of("path", problem.get("path").asString(), "code", problem.get("code").asString()));
			}
		}
		String status = !remaining.isEmpty() ? "correction-needed"
				: live.status().equals("returned") ? "approved" : live.manual() ? "checking" : "checked";
		var account = checked.account();
		db.sql("""
				update benefit_application set status = ?, problems = ?::jsonb, bank_code = ?, branch_code = ?, account_type = ?,
				    account_ref = ?, account_masked = ?, holder_kana = ?, holder_zengin = ?, returned_reason = null, updated_at = now()
				where tenant_id = ? and id = ?
				""").params(status, JSON.writeValueAsString(remaining), account.bankCode(), account.branchCode(), account.type().code(),
				sealed.id(), sealed.masked(), given.holderKana().strip(), checked.holder().value(), municipality, live.id()).update();
		var event = AuditEvent.of(municipality, "benefit.application.account-corrected", "benefit-application", number.value())
			.with("from", live.status()).with("to", status);
		for (var detail : by.entrySet()) {
			event = event.with(detail.getKey(), detail.getValue());
		}
		audit.record(event);
		if (!status.equals("correction-needed")) {
			// the deficiency is cured: the case ends, or goes on to the manual check the programme asks for
			cases.follow(municipality, live.id(), status, status.equals("checking") ? "manual-check" : "corrected", null,
					by.isEmpty() ? "account-corrected" : "account-corrected-by-resident");
		}
		return status;
	}

}
