package org.madoguchi.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.madoguchi.benefits.OnlineApplicant;
import org.madoguchi.benefits.OnlineForm;
import org.madoguchi.benefits.ResidentStatus;

/**
 * An online application between its steps, kept in the resident's session (30 minutes idle at most) rather
 * than in hidden fields, so the birth date is typed once and never travels back and forth. Its idempotency
 * key is drawn when the applicant is let in: sending the confirmation twice files one application. Methods the
 * templates call are public: expressions reach nothing else.
 */
record ApplicationDraft(String municipality, String application, String birthDate, String idempotencyKey, OnlineApplicant applicant,
		Details details) {

	static final String SESSION = ApplicationDraft.class.getName();

	/** Step 2 as typed; {@code declined} holds positions in the applicant's member list, not register ids. */
	record Details(String bankCode, String branchCode, String accountType, String accountNumber, String accountHolderKana, String phone,
			List<Integer> declined) {

		static final Details EMPTY = new Details("", "", "1", "", "", "", List.of());

		Details {
			declined = List.copyOf(declined);
		}

		public boolean declines(int position) {
			return declined.contains(position);
		}
	}

	static ApplicationDraft start(String municipality, String application, String birthDate, OnlineApplicant applicant) {
		return new ApplicationDraft(municipality, application, birthDate, UUID.randomUUID().toString(), applicant, Details.EMPTY);
	}

	ApplicationDraft with(Details details) {
		return new ApplicationDraft(municipality, application, birthDate, idempotencyKey, applicant, details);
	}

	/** Positions that name no member (a tampered form) are dropped: a declaration needs a person. */
	public List<OnlineApplicant.Member> declinedMembers() {
		var members = new ArrayList<OnlineApplicant.Member>();
		for (int position : details.declined()) {
			if (position >= 0 && position < applicant.members().size()) {
				members.add(applicant.members().get(position));
			}
		}
		return members;
	}

	OnlineForm form() {
		return new OnlineForm(municipality, null, application, birthDate, details.bankCode(), details.branchCode(), details.accountType(),
				details.accountNumber(), details.accountHolderKana(), details.phone(),
				declinedMembers().stream().map(OnlineApplicant.Member::residentId).toList(), idempotencyKey);
	}

	public boolean mayApply() {
		return applicant.open() && !alreadyApplied();
	}

	/** Only the head is told that the household has applied; for anyone else that is the head's business. */
	public boolean alreadyApplied() {
		return applicant.current() != null && !applicant.current().status().equals(ResidentStatus.NOT_RECEIVED);
	}
}
