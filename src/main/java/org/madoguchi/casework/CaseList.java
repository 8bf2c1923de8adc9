package org.madoguchi.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.KanaName;
import org.madoguchi.platform.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Lists and searches cases of one municipality: by procedure, state and overdue, and by the applicant's
 * kana reading, birth date and phone (through their match key and blind index, never the clear values).
 */
@Service
public class CaseList {

	private final JdbcClient db;
	private final PersonalFields personal;

	CaseList(JdbcClient db, PersonalFields personal) {
		this.db = db;
		this.personal = personal;
	}

	public record Filter(String procedure, String state, boolean overdue, String nameKana, LocalDate birthDate, String phone) {
	}

	public record Item(String caseNumber, String procedure, String channel, String state, LocalDate receivedOn, LocalDate dueDate,
			boolean overdue) {
	}

	public record Page(long total, List<Item> items) {
	}

	public Page find(String municipality, Filter filter, int page, int size) {
		var where = new StringBuilder("tenant_id = ?");
		List<Object> params = new ArrayList<>(List.of(municipality));
		if (filter.procedure() != null) {
			where.append(" and procedure_id = ?");
			params.add(filter.procedure());
		}
		if (filter.state() != null) {
			where.append(" and state = ?");
			params.add(filter.state());
		}
		if (filter.overdue()) {
			where.append(" and due_date < current_date and sla_paused_since is null");
		}
		if (filter.nameKana() != null) {
			try {
				params.add(KanaName.matchKeyOf(filter.nameKana()));
			} catch (InvalidValue e) {
				throw new InvalidInput("nameKana", e.code());
			}
			where.append(" and applicant_key = ?");
		}
		if (filter.birthDate() != null) {
			where.append(" and applicant_birth = ?");
			params.add(filter.birthDate());
		}
		if (filter.phone() != null) {
			where.append(" and applicant_phone = ?");
			params.add(personal.phoneIndex(municipality, filter.phone()));
		}
		long total = db.sql("select count(*) from case_file where " + where).params(params).query(Long.class).single();
		var pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		var items = db.sql("""
				select case_number, procedure_id as procedure, channel, state, received_on, due_date,
				       (due_date < current_date and sla_paused_since is null) as overdue
				from case_file where %s order by due_date nulls last, received_at limit ? offset ?
				""".formatted(where)).params(pageParams).query(Item.class).list();
		return new Page(total, items);
	}
}
