package org.madoguchi.platform.web;

import java.util.List;

/** The one error shape of the API: {@code {"status":422,"errors":[{"path","code","message"}]}}. */
public record ApiErrorBody(int status, List<Error> errors) {

	public record Error(String path, String code, String message) {
	}
}
