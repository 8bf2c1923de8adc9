package org.madoguchi.platform.web;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/**
 * Japanese unless told otherwise. Pages follow the language the person chose (a cookie), never the
 * browser's Accept-Language, because staff share machines set up in English; API callers state theirs
 * with Accept-Language.
 */
class LanguageResolver implements LocaleResolver {

	static final String COOKIE = "madoguchi-lang";
	// the language just chosen applies to the page that chose it, not only to the next one
	private static final String CHOSEN = LanguageResolver.class.getName() + ".chosen";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			String header = request.getHeader("Accept-Language");
			return header != null && header.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.JAPANESE;
		}
		if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
			return chosen;
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					return supported(cookie.getValue());
				}
			}
		}
		return Locale.JAPANESE;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = supported(locale == null ? "ja" : locale.getLanguage());
		request.setAttribute(CHOSEN, chosen);
		var cookie = new Cookie(COOKIE, chosen.getLanguage());
		cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
		cookie.setMaxAge(60 * 60 * 24 * 365);
		cookie.setHttpOnly(true);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
	}

	static Locale supported(String language) {
		return "en".equals(language) ? Locale.ENGLISH : Locale.JAPANESE;
	}
}
