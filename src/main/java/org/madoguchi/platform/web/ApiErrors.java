package org.madoguchi.platform.web;

import java.util.List;
import java.util.Locale;

import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Problem;
import org.madoguchi.japan.InvalidValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an API call into the error shape with messages in the caller's language.
 * Anything unforeseen is logged and answered 500 without detail; the aim is that nothing reaches it.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
	private final MessageSource messages;

	ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ApiErrorBody> invalid(InvalidInput e) {
		return respond(422, e.problems());
	}

	@ExceptionHandler(InvalidValue.class)
	ResponseEntity<ApiErrorBody> invalidValue(InvalidValue e) {
		return respond(422, List.of(Problem.of("body", e.code())));
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ApiErrorBody> notFound(NotFound e) {
		return respond(404, List.of(Problem.of(e.path(), "not_found")));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiErrorBody> noRoute(NoResourceFoundException e) {
		return respond(404, List.of(Problem.of("url", "not_found")));
	}

	@ExceptionHandler(Conflict.class)
	ResponseEntity<ApiErrorBody> conflict(Conflict e) {
		return respond(e.status(), List.of(e.problem()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ApiErrorBody> denied(AccessDeniedException e) {
		return respond(403, List.of(Problem.of("role", "forbidden")));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiErrorBody> unreadable(HttpMessageNotReadableException e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof JsonBodyLimit.TooLarge) {
				return respond(413, List.of(Problem.of("body", "too_large", JsonBodyLimit.SHOWN)));
			}
		}
		return respond(400, List.of(Problem.of("body", "malformed")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
		return respond(415, List.of(Problem.of("Content-Type", "unsupported_media_type")));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiErrorBody> method(HttpRequestMethodNotSupportedException e) {
		return respond(405, List.of(Problem.of("method", "method_not_allowed")));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiErrorBody> missing(MissingServletRequestParameterException e) {
		return respond(400, List.of(Problem.of(e.getParameterName(), "required")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiErrorBody> mismatch(MethodArgumentTypeMismatchException e) {
		return respond(400, List.of(Problem.of(e.getName(), "format")));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiErrorBody> unexpected(Exception e) {
		log.error("Unexpected failure answering an API call", e);
		return respond(500, List.of(Problem.of("", "internal_error")));
	}

	ResponseEntity<ApiErrorBody> respond(int status, List<Problem> problems) {
		Locale locale = LocaleContextHolder.getLocale();
		var errors = problems.stream().map(p -> new ApiErrorBody.Error(p.path(), p.code(),
				messages.getMessage("error." + p.code(), p.arguments(), p.code(), locale))).toList();
		return ResponseEntity.status(HttpStatus.valueOf(status)).body(new ApiErrorBody(status, errors));
	}
}
