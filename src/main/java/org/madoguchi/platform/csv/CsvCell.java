package org.madoguchi.platform.csv;

import java.io.IOException;
import java.io.Writer;

/** Writing one cell of a CSV file that people open in spreadsheets, such as the files for print vendors. */
public final class CsvCell {

	private CsvCell() {
	}

	/**
	 * RFC 4180 quoting when needed; a leading = + - @ is kept as text so spreadsheets do not run it as a
	 * formula. Null writes an empty cell.
	 */
	public static void write(Writer writer, String value) throws IOException {
		if (value == null) {
			return;
		}
		String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			writer.write('"');
			writer.write(text.replace("\"", "\"\""));
			writer.write('"');
		} else {
			writer.write(text);
		}
	}
}
