package org.madoguchi.platform.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Collections;
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
			if (problem != null) {
				return false;
			}
			for (String cell : cells) {
				if (!cell.isBlank()) {
					return false;
				}
			}
			return true;
		}
	}

	private final Reader in;
	private final int maxCell;
	private final int maxCells;
	private final char[] buffer = new char[1 << 16];
	/** The cell being read when it is quoted or crosses the buffer's end. */
	private final StringBuilder cell = new StringBuilder();
	/** Whether the cell being read has a quote where RFC 4180 allows none. */
	private boolean damaged;
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
		var cells = new ArrayList<String>(Math.min(maxCells, 16));
		int width = 0;
		String problem = null;
		int problemCell = -1;
		while (true) {
			damaged = false;
			String text = peek() == '"' ? quotedCell() : plainCell();
			boolean cut = text.length() > maxCell;
			if ((damaged || cut) && problem == null) {
				problem = damaged ? QUOTE : TOO_LONG;
				problemCell = width;
			}
			if (width++ < maxCells) {
				cells.add(cut ? text.substring(0, maxCell) : text);
			}
			int c = read();
			if (c != ',') {
				if (c == '\r' && peek() == '\n') {
					read();
				}
				if (c >= 0) {
					line++;
				}
				return new Row(start, Collections.unmodifiableList(cells), width, problem, problemCell);
			}
		}
	}

	/**
	 * Reads up to the next comma, line break or end; a quote inside an unquoted cell is damage. Most cells lie
	 * within the buffer and become a string in one step: a register of 1.5 million rows has 20 million of them.
	 */
	private String plainCell() throws IOException {
		int from = position;
		int end = plainEnd(from);
		if (end < limit) {
			position = end;
			return new String(buffer, from, Math.min(end - from, maxCell + 1));
		}
		cell.setLength(0);
		while (true) {
			keep(from, end);
			position = end;
			if (peek() < 0) {
				return cell.toString();
			}
			from = position;
			end = plainEnd(from);
			if (end < limit) {
				keep(from, end);
				position = end;
				return cell.toString();
			}
		}
	}

	/** Where the plain cell starting at {@code from} ends in the buffer, or the buffer's limit; notes stray quotes. */
	private int plainEnd(int from) {
		int end = from;
		while (end < limit) {
			char c = buffer[end];
			if (c == ',' || c == '\r' || c == '\n') {
				break;
			}
			damaged |= c == '"';
			end++;
		}
		return end;
	}

	/** Reads a quoted cell and whatever follows its closing quote up to the next separator. */
	private String quotedCell() throws IOException {
		cell.setLength(0);
		read();
		while (true) {
			int c = read();
			if (c < 0) {
				damaged = true; // never closed: the rest of the file was swallowed into this cell
				return cell.toString();
			}
			if (c == '"') {
				if (peek() != '"') {
					break;
				}
				read();
			} else if (c == '\n' || c == '\r' && peek() != '\n') {
				line++;
			}
			keep((char) c);
		}
		for (int c = peek(); c >= 0 && c != ',' && c != '\r' && c != '\n'; c = peek()) {
			damaged = true; // text after the closing quote, as in "abc"def
			keep((char) read());
		}
		return cell.toString();
	}

	/** Stops growing a cell one past the limit, so a runaway cell costs no more memory than a long one. */
	private void keep(char c) {
		if (cell.length() <= maxCell) {
			cell.append(c);
		}
	}

	private void keep(int from, int end) {
		cell.append(buffer, from, Math.max(0, Math.min(end - from, maxCell + 1 - cell.length())));
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
