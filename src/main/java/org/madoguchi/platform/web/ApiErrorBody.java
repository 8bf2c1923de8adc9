package org.madoguchi.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.platform.Problem;
import org.springframework.context.MessageSource;

import tools.jackson.databind.json.JsonMapper;

/** The one error shape of the API: {@code {"status":422,"errors":[{"path","code","message"}]}}. */
public record ApiErrorBody(int status, List<Error> errors) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public record Error(String path, String code, String message) {

		/** A problem in the caller's language; a code without a message is shown as itself. */
		public static Error of(Problem problem, MessageSource messages, Locale locale) {
			return new Error(problem.path(), problem.code(),
					messages.getMessage("error." + problem.code(), problem.arguments(), problem.code(), locale));
		}
	}

	/** Whether a request is to the API, which answers in this shape, rather than to a page. */
	static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/** Answers with one error in this shape, for the filters that answer before a controller is reached. */
	static void write(HttpServletResponse response, int status, Error error) throws IOException {
		response.setStatus(status);
		response.setContentType("application/json;charset=UTF-8");
		response.getOutputStream().write(JSON.writeValueAsBytes(new ApiErrorBody(status, List.of(error))));
	}
}
