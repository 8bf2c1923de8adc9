package org.madoguchi.benefits.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.Reconciliation;
import org.springframework.http.HttpHeaders;

/** The reconciliation report as CSV (UTF-8 with BOM, CRLF), the same file from the API and from the programme page. */
final class ReconciliationCsv {

	private ReconciliationCsv() {
	}

	static void answer(Reconciliation report, String programmeId, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation-" + programmeId + ".csv\"");
		write(report, response.getOutputStream());
	}

	static void write(Reconciliation report, OutputStream target) {
		var out = new PrintWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
		out.print("\uFEFFfigure,value\r\n");
		row(out, "eligibleHouseholds", report.eligibleHouseholds());
		row(out, "eligiblePersons", report.eligiblePersons());
		row(out, "applicationsMail", report.applications().mail());
		row(out, "applicationsOnline", report.applications().online());
		row(out, "duplicatesHeld", report.duplicatesHeld());
		row(out, "deficienciesOpen", report.deficienciesOpen());
		row(out, "approved", report.approved());
		row(out, "paidCount", report.paidCount());
		row(out, "paidAmount", report.paidAmount());
		row(out, "returnedCount", report.returnedCount());
		row(out, "returnedAmount", report.returnedAmount());
		row(out, "declinedPersons", report.declinedPersons());
		row(out, "notApplied", report.notApplied());
		out.print("balanced," + report.balanced() + "\r\n");
		for (var check : report.checks()) {
			out.print("\"" + check.name() + "\"," + (check.holds() ? "holds" : "fails: " + check.left() + " <> " + check.right()) + "\r\n");
		}
		out.flush();
	}

	private static void row(PrintWriter out, String name, long value) {
		out.print(name + "," + value + "\r\n");
	}
}
