package org.madoguchi.tenancy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.japan.JapaneseHolidays;
import org.madoguchi.japan.OfficeCalendar;
import org.madoguchi.platform.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's office calendar: the national one, the year-end closure, and the city's own
 * departures from them. SLAs of every later module count business days on this.
 */
@Service
public class OfficeCalendars {

	private final JdbcClient db;
	private final AuditTrail audit;

	OfficeCalendars(JdbcClient db, AuditTrail audit) {
		this.db = db;
		this.audit = audit;
	}

	/**
	 * Whether calendars answer for a year: from the holiday law of {@value JapaneseHolidays#FIRST_YEAR} to the last
	 * year whose holidays can be computed. Before, there is nothing to show; after, holidays would be refused half-way
	 * through a request, so the API and the pages refuse the year up front, with the field named.
	 */
	public static boolean covers(int year) {
		return year >= JapaneseHolidays.FIRST_YEAR && year <= JapaneseHolidays.LAST_COMPUTABLE_YEAR;
	}

	/** The calendar of a municipality in the current tenant scope. */
	public OfficeCalendar of(String municipality) {
		var days = days(municipality);
		Map<LocalDate, String> closed = new LinkedHashMap<>();
		days.stream().filter(d -> d.kind() == CalendarDay.Kind.CLOSED).forEach(d -> closed.put(d.day(), d.name()));
		Set<LocalDate> open = days.stream().filter(d -> d.kind() == CalendarDay.Kind.OPEN).map(CalendarDay::day)
			.collect(Collectors.toSet());
		return OfficeCalendar.standard().withClosedDays(closed).withOpenDays(open);
	}

	public List<CalendarDay> days(String municipality) {
		return db.sql("select day, upper(kind) as kind, name from calendar_day where tenant_id = ? order by day")
			.param(municipality).query(CalendarDay.class).list();
	}

	@Transactional
	public void set(String municipality, CalendarDay day) {
		var problems = new InvalidInput.Collector();
		if (day.day() == null) {
			problems.add("day", "required");
		}
		if (day.kind() == null) {
			problems.add("kind", "required");
		}
		if (day.name() == null || day.name().isBlank()) {
			problems.add("name", "required");
		} else if (day.name().length() > 40) {
			problems.add("name", "too_long", 40);
		}
		problems.throwIfAny();
		db.sql("""
				insert into calendar_day (tenant_id, day, kind, name) values (?, ?, ?, ?)
				on conflict (tenant_id, day) do update set kind = excluded.kind, name = excluded.name
				""").params(municipality, day.day(), day.kind().name().toLowerCase(), day.name().strip()).update();
		audit.record(new AuditEvent(municipality, "calendar.day-set", "calendar_day", day.day().toString(), null,
				Map.of("kind", day.kind().name(), "name", day.name().strip())));
	}

	@Transactional
	public boolean remove(String municipality, LocalDate day) {
		int removed = db.sql("delete from calendar_day where tenant_id = ? and day = ?").params(municipality, day).update();
		if (removed > 0) {
			audit.record(new AuditEvent(municipality, "calendar.day-removed", "calendar_day", day.toString(), null, Map.of()));
		}
		return removed > 0;
	}
}
