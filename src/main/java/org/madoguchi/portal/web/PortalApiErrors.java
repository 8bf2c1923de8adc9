package org.madoguchi.portal.web;

import java.util.List;
import java.util.Locale;

import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Problem;
import org.madoguchi.platform.web.ApiErrorBody;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The API's error shape for the portal's calls, with messages from the portal's bundle so that a resident's
 * Korean or Vietnamese client reads them in its language (the shared handler speaks Japanese and English
 * only). Ahead of the shared handler; what it does not handle (a malformed body) falls through to it.
 */
@RestControllerAdvice(assignableTypes = PortalApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalApiErrors {

	private final PortalText text;

	PortalApiErrors(PortalText text) {
		this.text = text;
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ApiErrorBody> invalid(InvalidInput e) {
		return respond(422, e.problems());
	}

	/** The same body for an unknown number and a wrong birth date: nothing in it tells them apart. */
	@ExceptionHandler(NotFound.class)
	ResponseEntity<ApiErrorBody> notFound(NotFound e) {
		return respond(404, List.of(Problem.of(e.path(), "not_found")));
	}

	@ExceptionHandler(Conflict.class)
	ResponseEntity<ApiErrorBody> conflict(Conflict e) {
		return respond(e.status(), List.of(e.problem()));
	}

	private ResponseEntity<ApiErrorBody> respond(int status, List<Problem> problems) {
		Locale locale = LocaleContextHolder.getLocale();
		var errors = problems.stream().map(p -> new ApiErrorBody.Error(p.path(), p.code(), text.error(p, locale))).toList();
		return ResponseEntity.status(status).body(new ApiErrorBody(status, errors));
	}
}
