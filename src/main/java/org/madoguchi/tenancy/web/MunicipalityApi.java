package org.madoguchi.tenancy.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.madoguchi.japan.JapaneseHolidays;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.tenancy.CalendarDay;
import org.madoguchi.tenancy.Municipalities;
import org.madoguchi.tenancy.Municipalities.NewMunicipality;
import org.madoguchi.tenancy.Municipality;
import org.madoguchi.tenancy.OfficeCalendars;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Municipalities and their office calendars over the API; {code} is checked by the platform's tenant guard. */
@RestController
class MunicipalityApi {

	private final Municipalities municipalities;
	private final OfficeCalendars calendars;

	MunicipalityApi(Municipalities municipalities, OfficeCalendars calendars) {
		this.municipalities = municipalities;
		this.calendars = calendars;
	}

	record MunicipalityView(String code, String name, String nameKana) {
		static MunicipalityView of(Municipality m) {
			return new MunicipalityView(m.code(), m.name(), m.nameKana());
		}
	}

	record Holiday(LocalDate date, String name) {
	}

	record BusinessDay(LocalDate date) {
	}

	record DayRequest(String kind, String name) {
	}

	@GetMapping("/api/v1/municipalities")
	List<MunicipalityView> visible() {
		var mine = Caller.current().orElseThrow().municipalities();
		return municipalities.among(mine).stream().map(MunicipalityView::of).toList();
	}

	@GetMapping("/api/v1/municipalities/{code}")
	MunicipalityView one(@PathVariable String code) {
		return municipalities.find(code).map(MunicipalityView::of).orElseThrow(() -> new NotFound("code"));
	}

	@PostMapping("/api/v1/admin/municipalities")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<MunicipalityView> register(@RequestBody NewMunicipality request) {
		var created = municipalities.register(request, Caller.current().orElseThrow());
		return ResponseEntity.status(HttpStatus.CREATED).body(MunicipalityView.of(created));
	}

	/** National holidays of the year plus the days this municipality declared closed. */
	@GetMapping("/api/v1/municipalities/{code}/calendar/holidays")
	List<Holiday> holidays(@PathVariable String code, @RequestParam int year) {
		checkYear("year", year);
		var holidays = new ArrayList<Holiday>();
		JapaneseHolidays.of(year).forEach((date, name) -> holidays.add(new Holiday(date, name)));
		calendars.days(code).stream()
			.filter(d -> d.kind() == CalendarDay.Kind.CLOSED && d.day().getYear() == year)
			.filter(d -> JapaneseHolidays.nameOf(d.day()).isEmpty())
			.forEach(d -> holidays.add(new Holiday(d.day(), d.name())));
		holidays.sort(Comparator.comparing(Holiday::date));
		return holidays;
	}

	@GetMapping("/api/v1/municipalities/{code}/calendar/add-business-days")
	BusinessDay addBusinessDays(@PathVariable String code, @RequestParam LocalDate from, @RequestParam int days) {
		if (days < 0 || days > 3650) {
			throw new InvalidInput("days", "out_of_range");
		}
		checkYear("from", from.getYear());
		return new BusinessDay(calendars.of(code).addBusinessDays(from, days));
	}

	@GetMapping("/api/v1/municipalities/{code}/calendar/days")
	List<CalendarDay> days(@PathVariable String code) {
		return calendars.days(code);
	}

	@PutMapping("/api/v1/municipalities/{code}/calendar/days/{day}")
	@PreAuthorize("hasRole('ADMIN')")
	CalendarDay setDay(@PathVariable String code, @PathVariable LocalDate day, @RequestBody DayRequest request) {
		CalendarDay.Kind kind = null;
		if (request.kind() != null) {
			kind = switch (request.kind()) {
				case "closed" -> CalendarDay.Kind.CLOSED;
				case "open" -> CalendarDay.Kind.OPEN;
				default -> throw new InvalidInput("kind", "unknown_kind");
			};
		}
		var calendarDay = new CalendarDay(day, kind, request.name());
		calendars.set(code, calendarDay);
		return calendarDay;
	}

	@DeleteMapping("/api/v1/municipalities/{code}/calendar/days/{day}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> removeDay(@PathVariable String code, @PathVariable LocalDate day) {
		if (!calendars.remove(code, day)) {
			throw new NotFound("day");
		}
		return ResponseEntity.noContent().build();
	}

	private static void checkYear(String parameter, int year) {
		if (!OfficeCalendars.covers(year)) {
			throw new InvalidInput(parameter, "out_of_range");
		}
	}
}
