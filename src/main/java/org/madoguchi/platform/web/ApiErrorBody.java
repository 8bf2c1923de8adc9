package org.madoguchi.platform.web;

import java.util.List;
import java.util.Locale;

import org.madoguchi.platform.Problem;
import org.springframework.context.MessageSource;

/** The one error shape of the API: {@code {"status":422,"errors":[{"path","code","message"}]}}. */
public record ApiErrorBody(int status, List<Error> errors) {

	public record Error(String path, String code, String message) {

		/** A problem in the caller's language; a code without a message is shown as itself. */
		public static Error of(Problem problem, MessageSource messages, Locale locale) {
			return new Error(problem.path(), problem.code(),
					messages.getMessage("error." + problem.code(), problem.arguments(), problem.code(), locale));
		}
	}
}
