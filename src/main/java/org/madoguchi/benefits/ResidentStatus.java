package org.madoguchi.benefits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application's status as the resident is told it. The back office's ten states collapse into what a
 * resident can act on: nothing to do yet ({@code received}, {@code checking}, {@code approved}), something
 * to do ({@code correction-needed}, with what; {@code returned}), or done ({@code paid}, on what day). The
 * stored states behind them stay internal, above all {@code duplicate}: it is a suspicion a person has to
 * settle, not something to tell whoever knows a form's number.
 *
 * <p>{@code detail} refines the message but never the status, so a caller that only knows the statuses
 * still shows the right one. Nothing personal is carried: no name, no amount, no account.
 */
public record ResidentStatus(String status, String detail, List<Correction> corrections, LocalDate transferDate) {

	/** Arrived and passed the automatic checks; waiting for the city's decision. */
	public static final String RECEIVED = "received";
	/** A person is looking at it (manual check, or a second application for the household). */
	public static final String CHECKING = "checking";
	public static final String CORRECTION_NEEDED = "correction-needed";
	/** Approved by the city, the transfer not yet made (also when a transfer date is already set). */
	public static final String APPROVED = "approved";
	public static final String PAID = "paid";
	/** The bank returned the transfer: the resident has to give another account. */
	public static final String RETURNED = "returned";
	/** Beyond the six: the city refused the application (a letter says why). */
	public static final String REJECTED = "rejected";
	/** Beyond the six: the household is identified but no application has arrived yet. */
	public static final String NOT_RECEIVED = "not-received";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One thing the resident must correct: the form's field ({@code path}) and what is wrong ({@code code}). */
	public record Correction(String path, String code) {
	}

	public ResidentStatus {
		corrections = List.copyOf(corrections);
	}

	/** The message bundle key of the sentence shown with the status, e.g. {@code resident.status.received.declined}. */
	public String messageKey() {
		return "resident.status." + status + (detail == null ? "" : "." + detail);
	}

	/**
	 * Whether another account is all the application needs: a returned transfer, or deficiencies of the account
	 * alone. Anything else (a non-head applicant, a late form) a person has to decide, so the resident is not
	 * offered the portal's correction form but told that the office will be in touch.
	 */
	public boolean anotherAccountCures() {
		return status.equals(RETURNED) || status.equals(CORRECTION_NEEDED) && !corrections.isEmpty()
				&& corrections.stream().allMatch(c -> Corrections.ACCOUNT_PATHS.contains(c.path()));
	}

	static ResidentStatus notReceived() {
		return new ResidentStatus(NOT_RECEIVED, null, List.of(), null);
	}

	/** The resident's view of a stored application. */
	static ResidentStatus of(String stored, String problemsJson, LocalDate transferDate) {
		return switch (stored) {
			case "checked" -> new ResidentStatus(RECEIVED, "awaiting-decision", List.of(), null);
			// every member declined: received, and nothing will be paid, which the resident asked for
			case "declined" -> new ResidentStatus(RECEIVED, "declined", List.of(), null);
			case "checking" -> new ResidentStatus(CHECKING, null, List.of(), null);
			case "duplicate" -> new ResidentStatus(CHECKING, "duplicate", List.of(), null);
			case "correction-needed" -> new ResidentStatus(CORRECTION_NEEDED, null, corrections(problemsJson), null);
			case "approved", "scheduled" -> new ResidentStatus(APPROVED, null, List.of(), null);
			case "paid" -> new ResidentStatus(PAID, null, List.of(), transferDate);
			case "returned" -> new ResidentStatus(RETURNED, null, List.of(), null);
			case "rejected" -> new ResidentStatus(REJECTED, null, List.of(), null);
			default -> throw new IllegalStateException("unknown application status " + stored);
		};
	}

	private static List<Correction> corrections(String problemsJson) {
		var corrections = new ArrayList<Correction>();
		if (problemsJson != null) {
			for (JsonNode problem : JSON.readTree(problemsJson)) {
				corrections.add(new Correction(problem.get("path").asString(), problem.get("code").asString()));
			}
		}
		return corrections;
	}
}
