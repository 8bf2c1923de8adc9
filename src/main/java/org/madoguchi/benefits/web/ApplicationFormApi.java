package org.madoguchi.benefits.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.ApplicationForms;
import org.madoguchi.platform.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pre-printed forms as a PDF for the print run, in slices of at most {@value ApplicationForms#MAX_COUNT}
 * households; {code} is checked by the platform's tenant guard. The same roles as the print vendor's CSV.
 */
@RestController
class ApplicationFormApi {

	private final ApplicationForms forms;

	ApplicationFormApi(ApplicationForms forms) {
		this.forms = forms;
	}

	@GetMapping(path = "/api/v1/municipalities/{code}/benefit-programmes/{id}/forms.pdf")
	@PreAuthorize("hasAnyRole('ADMIN','OPERATOR_SUPERVISOR','MUNICIPAL_OFFICIAL')")
	void formsPdf(@PathVariable String code, @PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String count, HttpServletResponse response) throws IOException {
		var problems = new InvalidInput.Collector();
		int first = whole(problems, "from", from, 1);
		int size = whole(problems, "count", count, ApplicationForms.DEFAULT_COUNT);
		problems.throwIfAny();
		// rendered whole before answering, so a failure is a clean error rather than half a PDF; written to the
		// response here, as an asynchronous StreamingResponseBody would run outside the caller's security context
		byte[] pdf = forms.pdf(code, id, first, size);
		response.setContentType("application/pdf");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"forms-" + id + "-" + first + ".pdf\"");
		response.setContentLength(pdf.length);
		response.getOutputStream().write(pdf);
	}

	/** Parsed here rather than by Spring, whose type mismatch would not name the parameter as the 422's path. */
	private static int whole(InvalidInput.Collector problems, String path, String text, int fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		String digits = text.strip();
		if (!digits.matches("-?[0-9]{1,18}")) {
			problems.add(path, "format");
			return fallback;
		}
		// out-of-range values go on to ApplicationForms, which names them; only the int's own limits stop here
		long value = Long.parseLong(digits);
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			problems.add(path, "out_of_range");
			return fallback;
		}
		return (int) value;
	}
}
