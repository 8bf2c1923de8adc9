package org.madoguchi.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers 503 with {@code Retry-After} until the application is ready, and again once it is shutting down.
 * The server takes connections before the start-up work is done (the demo city's register and benefit, the
 * second factors sealed again), and what a request saw in those seconds was half-made: on the first start a
 * resident's status look-up answered "not found" for an application still being loaded, and counted as a wrong
 * try toward that number's lock. Spring Boot declares the application ready after that work, which is what
 * this waits for. The health endpoint is let through, for whatever watches the server starting.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartingUp extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "5";

	private final ApplicationAvailability availability;
	private final MessageSource messages;
	private final LocaleResolver locales;

	StartingUp(ApplicationAvailability availability, MessageSource messages, LocaleResolver locales) {
		this.availability = availability;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC
				|| request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Locale locale = locales.resolveLocale(request);
		String message = messages.getMessage("error.starting", null, "starting", locale);
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		response.setHeader("Cache-Control", "no-store");
		if (ApiErrorBody.isApi(request)) {
			ApiErrorBody.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, new ApiErrorBody.Error("", "starting", message));
		} else {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setContentType("text/html;charset=UTF-8");
			String text = HtmlUtils.htmlEscape(message);
			response.getOutputStream().write(("<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + text + "</title></head>"
					+ "<body><main><h1>" + text + "</h1></main></body></html>").getBytes(StandardCharsets.UTF_8));
		}
	}
}
