package org.madoguchi.platform.web;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Japanese unless told otherwise. Staff pages follow the language the person chose (a cookie), never the
 * browser's Accept-Language, because staff share machines set up in English; API callers state theirs
 * with Accept-Language. Staff work in Japanese or English only.
 *
 * <p>Resident pages ({@code /portal}) and the resident API ({@code /api/v1/portal}) serve more languages
 * ({@link #RESIDENT_LANGUAGES}), and there the browser's Accept-Language is the best guess there is: a resident
 * uses their own phone. A choice made on the page (the {@code lang} link, then the cookie) still wins. The
 * cookie is shared; a staff page reading a resident's language it does not speak falls back to Japanese.
 */
class LanguageResolver implements LocaleResolver {

	static final String COOKIE = "madoguchi-lang";
	/** Japanese, English, Simplified Chinese, Korean, Vietnamese: the order of the portal's language links. */
	static final List<Locale> RESIDENT_LANGUAGES = List.of(Locale.JAPANESE, Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.KOREAN,
			Locale.forLanguageTag("vi"));
	// the language just chosen applies to the page that chose it, not only to the next one
	private static final String CHOSEN = LanguageResolver.class.getName() + ".chosen";

	/** Asked for again and again while one request is served (messages, formats, the answer): worked out once. */
	private static final String RESOLVED = LanguageResolver.class.getName() + ".resolved";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
			return resolved;
		}
		Locale locale = resolve(request);
		request.setAttribute(RESOLVED, locale);
		return locale;
	}

	private Locale resolve(HttpServletRequest request) {
		boolean resident = isResident(request);
		if (ApiErrorBody.isApi(request)) {
			if (resident) {
				return fromHeader(request).orElse(Locale.JAPANESE);
			}
			String header = request.getHeader("Accept-Language");
			return header != null && header.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.JAPANESE;
		}
		if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
			return resident ? resident(chosen).orElse(Locale.JAPANESE) : supported(chosen.getLanguage());
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					return resident ? resident(Locale.forLanguageTag(cookie.getValue())).orElse(Locale.JAPANESE)
							: supported(cookie.getValue());
				}
			}
		}
		return resident ? fromHeader(request).orElse(Locale.JAPANESE) : Locale.JAPANESE;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = isResident(request) ? resident(locale).orElse(Locale.JAPANESE) : supported(locale == null ? "ja" : locale.getLanguage());
		request.setAttribute(CHOSEN, chosen);
		request.removeAttribute(RESOLVED);
		var cookie = new Cookie(COOKIE, chosen.toLanguageTag());
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setMaxAge(60 * 60 * 24 * 365);
		cookie.setHttpOnly(true);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	/** A staff page's language from a cookie's language tag: English, else Japanese. */
	static Locale supported(String language) {
		return language != null && (language.equals("en") || language.startsWith("en-")) ? Locale.ENGLISH : Locale.JAPANESE;
	}

	/** The resident language for a locale; any Chinese is served in Simplified Chinese, the one translation there is. */
	static Optional<Locale> resident(Locale locale) {
		if (locale == null) {
			return Optional.empty();
		}
		String language = locale.getLanguage();
		return RESIDENT_LANGUAGES.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
	}

	static boolean isResident(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/portal") || path.startsWith("/portal/") || path.equals("/api/v1/portal")
				|| path.startsWith("/api/v1/portal/");
	}

	/** The first of the browser's preferred languages the portal speaks. */
	private static Optional<Locale> fromHeader(HttpServletRequest request) {
		if (request.getHeader("Accept-Language") == null) {
			return Optional.empty();
		}
		for (Locale wanted : Collections.list(request.getLocales())) {
			var found = resident(wanted);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}
}
