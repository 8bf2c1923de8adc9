package org.madoguchi.benefits.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.DeficiencyNotices;
import org.madoguchi.platform.csv.CsvCell;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Batches of deficiency notices and the print vendor's file of each; {code} is checked by the platform's
 * tenant guard, roles by {@link DeficiencyNotices}. The file is UTF-8 with a BOM (registered names may hold
 * characters CP932 lacks), one row a notice, what to correct written out in Japanese as the letter prints it.
 */
@RestController
class DeficiencyNoticeApi {

	private static final String BASE = "/api/v1/municipalities/{code}/benefit-programmes/{id}/deficiency-notices";
	static final String HEADER = "application_number,household_id,head_name,postal_code,address,reason,corrections,status_page";

	private final DeficiencyNotices notices;
	private final MessageSource messages;

	DeficiencyNoticeApi(DeficiencyNotices notices, MessageSource messages) {
		this.notices = notices;
		this.messages = messages;
	}

	@PostMapping(BASE)
	ResponseEntity<DeficiencyNotices.Batch> issue(@PathVariable String code, @PathVariable String id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(notices.issue(code, id));
	}

	@GetMapping(BASE)
	List<DeficiencyNotices.Batch> batches(@PathVariable String code, @PathVariable String id) {
		return notices.batches(code, id);
	}

	@GetMapping(BASE + "/{batchId}/notices.csv")
	void file(@PathVariable String code, @PathVariable String id, @PathVariable long batchId, HttpServletResponse response)
			throws IOException {
		var file = new Writer[1];
		notices.notices(code, id, batchId, notice -> {
			try {
				// a refusal (role, unknown batch) comes before the first notice and must find the response untouched
				if (file[0] == null) {
					response.setContentType("text/csv;charset=UTF-8");
					response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"notices-" + id + "-" + batchId + ".csv\"");
					file[0] = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
					file[0].write("\uFEFF" + HEADER + "\r\n");
				}
				Writer out = file[0];
				String corrections = notice.problems().stream().map(p -> BenefitViews.problem(messages, p, Locale.JAPANESE))
					.collect(Collectors.joining("／"));
				// the resident's way back: the status page offers the online correction where an account cures it
				String statusPage = "/portal/status?municipality=" + code + "&application=" + notice.applicationNumber();
				var cells = new String[] {notice.applicationNumber(), notice.householdId(), notice.headName(), notice.postalCode(),
						notice.address(), notice.status(), corrections, statusPage};
				for (int i = 0; i < cells.length; i++) {
					if (i > 0) {
						out.write(',');
					}
					CsvCell.write(out, cells[i]);
				}
				out.write("\r\n");
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		if (file[0] != null) {
			file[0].flush();
		}
	}
}
