package org.madoguchi.platform.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes) one at a time, so a
 * file of any length costs the memory of one row. Spreadsheets also write LF or a lone CR and a BOM; both
 * are taken. Damage is reported on the row, not thrown, so that one bad row never hides the others.
 * {@link CsvEncoding} decides how the bytes are decoded. Shared by every bulk import (cases, the register).
 */
public final class CsvRows {

	/** A cell that exceeded the limit; its text is cut, and the row must not be used. */
	public static final String TOO_LONG = "too_long";
	/** A quote that RFC 4180 does not allow where it stands, or one never closed. */
	public static final String QUOTE = "quote";

	/**
	 * One record. {@code line} is the physical line it starts on (1 for the first), as an editor shows it;
	 * {@code width} counts all its cells even where {@code cells} stopped keeping them.
	 */
	public record Row(int line, List<String> cells, int width, String problem, int problemCell) {

		public boolean blank() {
			return problem == null && cells.stream().allMatch(String::isBlank);
		}
	}

	private final Reader in;
	private final int maxCell;
	private final int maxCells;
	private final char[] buffer = new char[8192];
	private int position;
	private int limit;
	private int line = 1;
	private boolean started;

	public CsvRows(Reader in, int maxCell, int maxCells) {
		this.in = in;
		this.maxCell = maxCell;
		this.maxCells = maxCells;
	}

	/**
	 * The rows of a file held in memory, decoded strictly: a byte sequence the encoding does not define throws
	 * a CharacterCodingException from {@link #next()} instead of becoming a replacement character.
	 */
	public static CsvRows of(byte[] bytes, Charset charset, int maxCell, int maxCells) {
		return of(new ByteArrayInputStream(bytes), charset, maxCell, maxCells);
	}

	/** The rows of a stream, decoded as strictly as {@link #of(byte[], Charset, int, int)}. */
	public static CsvRows of(InputStream in, Charset charset, int maxCell, int maxCells) {
		return new CsvRows(new InputStreamReader(in,
				charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
				maxCell, maxCells);
	}

	/** The next record, or null at the end of the input. */
	public Row next() throws IOException {
		if (!started) {
			started = true;
			if (peek() == '\uFEFF') {
				read();
			}
		}
		if (peek() < 0) {
			return null;
		}
		int start = line;
		var cells = new ArrayList<String>();
		var cell = new StringBuilder();
		int width = 0;
		String problem = null;
		int problemCell = -1;
		while (true) {
			boolean quoted = peek() == '"';
			boolean damaged = quoted ? quotedCell(cell) : plainCell(cell);
			boolean cut = cell.length() > maxCell;
			if ((damaged || cut) && problem == null) {
				problem = damaged ? QUOTE : TOO_LONG;
				problemCell = width;
			}
			if (width++ < maxCells) {
				cells.add(cut ? cell.substring(0, maxCell) : cell.toString());
			}
			cell.setLength(0);
			int c = read();
			if (c != ',') {
				if (c == '\r' && peek() == '\n') {
					read();
				}
				if (c >= 0) {
					line++;
				}
				return new Row(start, List.copyOf(cells), width, problem, problemCell);
			}
		}
	}

	/** Reads up to the next comma, line break or end; a quote inside an unquoted cell is damage. */
	private boolean plainCell(StringBuilder cell) throws IOException {
		boolean damaged = false;
		for (int c = peek(); c >= 0 && c != ',' && c != '\r' && c != '\n'; c = peek()) {
			damaged |= c == '"';
			keep(cell, (char) read());
		}
		return damaged;
	}

	/** Reads a quoted cell and whatever follows its closing quote up to the next separator. */
	private boolean quotedCell(StringBuilder cell) throws IOException {
		read();
		while (true) {
			int c = read();
			if (c < 0) {
				return true; // never closed: the rest of the file was swallowed into this cell
			}
			if (c == '"') {
				if (peek() != '"') {
					break;
				}
				read();
			} else if (c == '\n' || c == '\r' && peek() != '\n') {
				line++;
			}
			keep(cell, (char) c);
		}
		boolean damaged = false;
		for (int c = peek(); c >= 0 && c != ',' && c != '\r' && c != '\n'; c = peek()) {
			damaged = true; // text after the closing quote, as in "abc"def
			keep(cell, (char) read());
		}
		return damaged;
	}

	/** Stops growing a cell one past the limit, so a runaway cell costs no more memory than a long one. */
	private void keep(StringBuilder cell, char c) {
		if (cell.length() <= maxCell) {
			cell.append(c);
		}
	}

	private int peek() throws IOException {
		if (position == limit) {
			limit = in.read(buffer, 0, buffer.length);
			position = 0;
			if (limit <= 0) {
				limit = 0;
				return -1;
			}
		}
		return buffer[position];
	}

	private int read() throws IOException {
		int c = peek();
		if (c >= 0) {
			position++;
		}
		return c;
	}
}
