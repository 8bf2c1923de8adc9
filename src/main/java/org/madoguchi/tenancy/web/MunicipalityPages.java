package org.madoguchi.tenancy.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpSession;

import org.madoguchi.japan.OfficeCalendar;
import org.madoguchi.japan.WarekiDate;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.platform.web.ChosenMunicipality;
import org.madoguchi.tenancy.CalendarDay;
import org.madoguchi.tenancy.Municipalities;
import org.madoguchi.tenancy.Municipality;
import org.madoguchi.tenancy.OfficeCalendars;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Home, the municipality switcher, and the administrator's municipality and calendar pages. */
@Controller
class MunicipalityPages {

	private final Municipalities municipalities;
	private final OfficeCalendars calendars;
	private final MessageSource messages;

	MunicipalityPages(Municipalities municipalities, OfficeCalendars calendars, MessageSource messages) {
		this.municipalities = municipalities;
		this.calendars = calendars;
		this.messages = messages;
	}

	@GetMapping("/")
	String home(Model model) {
		var caller = Caller.current().orElseThrow();
		var inScope = municipalities.among(TenantScope.current());
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
		Map<String, String> openToday = new LinkedHashMap<>();
		for (Municipality m : inScope) {
			var reason = calendars.of(m.code()).closedReason(today);
			openToday.put(m.code(), reason.map(r -> message("home.closed", r)).orElseGet(() -> message("home.open")));
		}
		model.addAttribute("today", WarekiDate.format(today));
		model.addAttribute("roles", new TreeSet<>(caller.roles()));
		model.addAttribute("scopeMunicipalities", inScope);
		model.addAttribute("openToday", openToday);
		return "home";
	}

	@PostMapping("/municipality")
	String choose(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "/") String back, HttpSession session) {
		var mine = Caller.current().orElseThrow().municipalities();
		ChosenMunicipality.choose(session, mine.contains(code) ? code : null);
		// only a path on this site, never another host
		return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/");
	}

	@GetMapping("/admin/municipalities")
	@PreAuthorize("hasRole('ADMIN')")
	String list(Model model) {
		model.addAttribute("municipalities", municipalities.among(Caller.current().orElseThrow().municipalities()));
		model.addAttribute("operators", municipalities.operators());
		return "tenancy/municipalities";
	}

	@PostMapping("/admin/municipalities")
	@PreAuthorize("hasRole('ADMIN')")
	String register(@RequestParam String code, @RequestParam String name, @RequestParam String nameKana,
			@RequestParam String operatorId, @RequestParam(required = false) Integer population, RedirectAttributes redirect) {
		try {
			var created = municipalities.register(new Municipalities.NewMunicipality(code.strip(), name, nameKana, operatorId, population),
					Caller.current().orElseThrow());
			redirect.addFlashAttribute("registered", created.name());
		} catch (InvalidInput e) {
			redirect.addFlashAttribute("problems", e.problems());
		} catch (org.madoguchi.platform.Conflict e) {
			redirect.addFlashAttribute("problems", List.of(e.problem()));
		}
		return "redirect:/admin/municipalities";
	}

	@GetMapping("/admin/municipalities/{code}/calendar")
	@PreAuthorize("hasRole('ADMIN')")
	String calendar(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
		int shown = year == null ? LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).getYear() : year;
		if (!OfficeCalendars.covers(shown)) {
			throw new NotFound("year");
		}
		var municipality = municipalities.find(code).orElseThrow(() -> new NotFound("code"));
		OfficeCalendar calendar = calendars.of(code);
		List<Map<String, String>> closedDays = new ArrayList<>();
		for (LocalDate day = LocalDate.of(shown, 1, 1); day.getYear() == shown; day = day.plusDays(1)) {
			var reason = calendar.closedReason(day);
			var dow = day.getDayOfWeek();
			if (reason.isPresent() && dow != java.time.DayOfWeek.SATURDAY && dow != java.time.DayOfWeek.SUNDAY) {
				closedDays.add(Map.of("date", day.toString(), "wareki", WarekiDate.format(day), "reason", reason.get()));
			}
		}
		model.addAttribute("municipality", municipality);
		model.addAttribute("year", shown);
		model.addAttribute("closedDays", closedDays);
		model.addAttribute("ownDays", calendars.days(code));
		return "tenancy/calendar";
	}

	@PostMapping("/admin/municipalities/{code}/calendar")
	@PreAuthorize("hasRole('ADMIN')")
	String setDay(@PathVariable String code, @RequestParam(required = false) LocalDate day, @RequestParam String kind,
			@RequestParam String name, RedirectAttributes redirect) {
		try {
			calendars.set(code, new CalendarDay(day, "open".equals(kind) ? CalendarDay.Kind.OPEN : CalendarDay.Kind.CLOSED, name));
		} catch (InvalidInput e) {
			redirect.addFlashAttribute("problems", e.problems());
		}
		return "redirect:/admin/municipalities/" + code + "/calendar" + (day == null ? "" : "?year=" + day.getYear());
	}

	@PostMapping("/admin/municipalities/{code}/calendar/remove")
	@PreAuthorize("hasRole('ADMIN')")
	String removeDay(@PathVariable String code, @RequestParam LocalDate day) {
		calendars.remove(code, day);
		return "redirect:/admin/municipalities/" + code + "/calendar?year=" + day.getYear();
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
