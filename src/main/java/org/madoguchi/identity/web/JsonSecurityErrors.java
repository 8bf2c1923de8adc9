package org.madoguchi.identity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for API callers in the API's own error shape, since they never reach a controller. */
@Component
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final MessageSource messages;
	private final LocaleResolver locales;
	private final JsonMapper json = JsonMapper.builder().build();

	JsonSecurityErrors(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
		write(request, response, 401, "Authorization", "unauthorized");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
		write(request, response, 403, "role", "forbidden");
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String path, String code) throws IOException {
		String message = messages.getMessage("error." + code, null, code, locales.resolveLocale(request));
		var body = java.util.Map.of("status", status, "errors",
				java.util.List.of(java.util.Map.of("path", path, "code", code, "message", message)));
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.getOutputStream().write(json.writeValueAsBytes(body));
	}
}
