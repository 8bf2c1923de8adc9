package org.madoguchi.procedures;

import java.util.Set;

/**
 * The time a procedure allows. The clock starts when a case enters {@code startsAt}, stops on entering any of
 * {@code stopsAt}, and pauses in states that say {@code pausesSla}. {@code warnAt} is the fraction of the limit
 * after which supervisors are warned. When a decision cannot be made in time, {@code deferralLetter} (a
 * deferral-notice) must go out before day {@code deferralBeforeDay}; both are null if the law asks for none.
 */
public record Sla(int limit, Unit unit, String startsAt, Set<String> stopsAt, double warnAt, String deferralLetter,
		Integer deferralBeforeDay) {

	public Sla {
		stopsAt = Set.copyOf(stopsAt);
	}

	public enum Unit {
		CALENDAR_DAYS, BUSINESS_DAYS;

		public String wire() {
			return Terms.wire(this);
		}
	}
}
