package org.madoguchi.benefits.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.DeficiencyNotices;
import org.madoguchi.platform.csv.CsvCell;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;

/**
 * The print vendor's file of a batch of deficiency notices, the same from the API and the programme page: UTF-8
 * with a BOM (registered names may hold characters CP932 lacks), CRLF, one row a notice, what to correct
 * written out in Japanese as the letter prints it.
 */
final class NoticeCsv {

	static final String HEADER = "application_number,household_id,head_name,postal_code,address,reason,corrections,status_page";

	private NoticeCsv() {
	}

	/** A refusal (role, unknown batch) is thrown before anything is written, so the caller can still answer it. */
	static void answer(DeficiencyNotices notices, MessageSource messages, String code, String id, long batchId,
			HttpServletResponse response) throws IOException {
		var file = new Writer[1];
		notices.notices(code, id, batchId, notice -> {
			try {
				if (file[0] == null) {
					response.setContentType("text/csv;charset=UTF-8");
					response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"notices-" + id + "-" + batchId + ".csv\"");
					file[0] = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
					file[0].write("\uFEFF" + HEADER + "\r\n");
				}
				String corrections = notice.problems().stream().map(p -> BenefitViews.problem(messages, p, Locale.JAPANESE))
					.collect(Collectors.joining("／"));
				// the resident's way back: the status page offers the online correction where an account cures it
				String statusPage = "/portal/status?municipality=" + code + "&application=" + notice.applicationNumber();
				var cells = new String[] {notice.applicationNumber(), notice.householdId(), notice.headName(), notice.postalCode(),
						notice.address(), notice.status(), corrections, statusPage};
				for (int i = 0; i < cells.length; i++) {
					if (i > 0) {
						file[0].write(',');
					}
					CsvCell.write(file[0], cells[i]);
				}
				file[0].write("\r\n");
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		if (file[0] != null) {
			file[0].flush();
		}
	}
}
