package org.madoguchi.identity;

import java.util.Map;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.tenancy.MunicipalityRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The administrator who registers a municipality starts out working for it. */
@Component
class AssignOnRegistration {

	private final JdbcClient db;
	private final AuditTrail audit;

	AssignOnRegistration(JdbcClient db, AuditTrail audit) {
		this.db = db;
		this.audit = audit;
	}

	@EventListener
	void on(MunicipalityRegistered registered) {
		int assigned = db.sql("""
				insert into account_municipality (account_id, municipality)
				select id, ? from staff_account where username = ? on conflict do nothing
				""").params(registered.code(), registered.registeredBy()).update();
		if (assigned > 0) {
			audit.record(new AuditEvent(registered.code(), "account.assigned", "staff_account", registered.registeredBy(), null,
					Map.of("municipality", registered.code())));
		}
	}
}
