package org.madoguchi.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Role;
import org.madoguchi.platform.ScopedTransactions;
import org.madoguchi.tenancy.Municipalities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Staff accounts: creating them under the rules of the legal line, and reading who someone is. */
@Service
public class StaffAccounts {

	private final JdbcClient db;
	private final PasswordEncoder passwords;
	private final Municipalities municipalities;
	private final ScopedTransactions transactions;
	private final AuditTrail audit;

	StaffAccounts(JdbcClient db, PasswordEncoder passwords, Municipalities municipalities, ScopedTransactions transactions,
			AuditTrail audit) {
		this.db = db;
		this.passwords = passwords;
		this.municipalities = municipalities;
		this.transactions = transactions;
		this.audit = audit;
	}

	public Optional<StaffUser> find(String username) {
		return db.sql("select id from staff_account where username = ? and enabled").param(username).query(Long.class)
			.optional().map(this::load);
	}

	StaffUser load(long id) {
		var row = db.sql("select username, display_name, organization, totp_enrolled_at is not null as enrolled from staff_account where id = ?")
			.param(id).query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4) }).single();
		Set<String> roles = new HashSet<>(db.sql("select role from account_role where account_id = ?").param(id).query(String.class).list());
		Set<String> codes = new HashSet<>(
				db.sql("select municipality from account_municipality where account_id = ?").param(id).query(String.class).list());
		return new StaffUser(id, (String) row[0], (String) row[1], Role.Organization.valueOf((String) row[2]), roles, codes,
				(Boolean) row[3]);
	}

	public List<StaffUser> inMunicipalities(Set<String> codes) {
		return db.sql("""
				select distinct a.id from staff_account a join account_municipality m on m.account_id = a.id
				where m.municipality = any (?) order by a.id
				""").param(codes.toArray(String[]::new)).query(Long.class).list().stream().map(this::load).toList();
	}

	/** Creates an account; the creating administrator may only grant municipalities they work for. */
	public StaffUser create(NewAccount request, Caller creator) {
		var organization = validate(request, creator);
		if (db.sql("select count(*) from staff_account where username = ?").param(request.username()).query(Long.class).single() > 0) {
			throw new Conflict(409, "username", "already_exists");
		}
		String hash = passwords.encode(request.password());
		var codes = Set.copyOf(request.municipalities());
		long id = transactions.call(codes, () -> {
			long created = db.sql("""
					insert into staff_account (username, display_name, organization, password_hash)
					values (?, ?, ?, ?) returning id
					""").params(request.username(), request.displayName().strip(), organization.name(), hash).query(Long.class).single();
			for (String role : Set.copyOf(request.roles())) {
				db.sql("insert into account_role (account_id, role) values (?, ?)").params(created, role).update();
			}
			for (String code : codes) {
				db.sql("insert into account_municipality (account_id, municipality) values (?, ?)").params(created, code).update();
				audit.record(new AuditEvent(code, "account.created", "staff_account", request.username(), null,
						Map.of("roles", String.join(",", new java.util.TreeSet<>(request.roles())))));
			}
			return created;
		});
		return load(id);
	}

	private Role.Organization validate(NewAccount request, Caller creator) {
		var problems = new InvalidInput.Collector();
		if (request.username() == null || request.username().isBlank()) {
			problems.add("username", "required");
		} else if (!request.username().matches("[a-z0-9][a-z0-9._-]{2,39}")) {
			problems.add("username", "username_format");
		}
		PasswordPolicy.problem(request.username(), request.password()).ifPresent(code -> problems.add("password", code, PasswordPolicy.MIN_LENGTH));
		if (request.displayName() == null || request.displayName().isBlank()) {
			problems.add("displayName", "required");
		} else if (request.displayName().length() > 80) {
			problems.add("displayName", "too_long", 80);
		}
		Role.Organization organization = null;
		if (request.organization() == null) {
			problems.add("organization", "required");
		} else if (request.organization().equals("operator") || request.organization().equals("municipality")) {
			organization = Role.Organization.valueOf(request.organization().toUpperCase(java.util.Locale.ROOT));
		} else {
			problems.add("organization", "unknown_organization");
		}
		List<String> roles = request.roles() == null ? List.of() : request.roles();
		if (roles.isEmpty()) {
			problems.add("roles", "required");
		}
		for (int i = 0; i < roles.size(); i++) {
			var role = Role.parse(roles.get(i));
			if (role.isEmpty()) {
				problems.add("roles[" + i + "]", "unknown_role");
			} else if (organization != null && !role.get().allowedFor(organization)) {
				problems.add("roles[" + i + "]", "role_not_allowed");
			}
		}
		List<String> codes = request.municipalities() == null ? List.of() : request.municipalities();
		if (codes.isEmpty()) {
			problems.add("municipalities", "required");
		}
		var known = new ArrayList<String>();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i);
			// a municipality the administrator does not serve is as unknown to them as one that does not exist
			if (code == null || !creator.municipalities().contains(code) || !municipalities.exists(code)) {
				problems.add("municipalities[" + i + "]", "unknown_municipality");
			} else {
				known.add(code);
			}
		}
		if (organization == Role.Organization.MUNICIPALITY && codes.size() > 1) {
			problems.add("municipalities", "one_municipality_only");
		}
		problems.throwIfAny();
		return organization;
	}
}
