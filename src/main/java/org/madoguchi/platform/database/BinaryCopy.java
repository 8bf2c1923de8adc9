package org.madoguchi.platform.database;

import java.time.LocalDate;
import java.util.Arrays;

import javax.sql.DataSource;

/**
 * Writes rows through {@code COPY ... FROM STDIN (FORMAT binary)}: each value goes as the server keeps it
 * (a date as a day number, a bytea as its bytes), so the server parses nothing. For the largest loads, such
 * as a city's register, where the text format's parsing and hex-encoded bytea cost the server about half as
 * much again as the data itself. Unlike {@link BulkCopy}, each value must have its column's exact type: a
 * {@code bigint} column takes {@link #int8}, an {@code integer} one {@link #int4}, a text column {@link #text}.
 * Runs on the caller's transaction's connection, like {@link BulkCopy}.
 */
public final class BinaryCopy implements AutoCloseable {

	private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
	/** PostgreSQL counts days from 2000-01-01. */
	private static final long EPOCH_DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
	private static final int SEND_AT = 1 << 16;

	private final CopyStream stream;
	private byte[] out = new byte[SEND_AT * 2];
	private int length;
	private int rowStart = -1;
	private short fields;

	private BinaryCopy(CopyStream stream) {
		this.stream = stream;
		put(SIGNATURE);
		putInt(0);
		putInt(0);
	}

	/** Starts a COPY; the statement must end with {@code (format binary)}. */
	public static BinaryCopy into(DataSource dataSource, String copySql) {
		return new BinaryCopy(CopyStream.start(dataSource, copySql));
	}

	/**
	 * Text, or null for SQL NULL; it must not contain NUL, which PostgreSQL text cannot hold. Encoded as UTF-8
	 * straight into the buffer, without an array per value: a register's load writes 20 million of them. A
	 * lone surrogate becomes '?', as {@link String#getBytes} would make it.
	 */
	public BinaryCopy text(String value) {
		if (value == null) {
			return nul();
		}
		begin(value.length() * 3);
		int lengthAt = length - Integer.BYTES;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				out[length++] = (byte) c;
			} else if (c < 0x800) {
				out[length++] = (byte) (0xC0 | c >> 6);
				out[length++] = (byte) (0x80 | c & 0x3F);
			} else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				int point = Character.toCodePoint(c, value.charAt(++i));
				out[length++] = (byte) (0xF0 | point >> 18);
				out[length++] = (byte) (0x80 | point >> 12 & 0x3F);
				out[length++] = (byte) (0x80 | point >> 6 & 0x3F);
				out[length++] = (byte) (0x80 | point & 0x3F);
			} else if (Character.isSurrogate(c)) {
				out[length++] = '?';
			} else {
				out[length++] = (byte) (0xE0 | c >> 12);
				out[length++] = (byte) (0x80 | c >> 6 & 0x3F);
				out[length++] = (byte) (0x80 | c & 0x3F);
			}
		}
		int bytes = length - lengthAt - Integer.BYTES;
		length = lengthAt;
		putInt(bytes);
		length += bytes;
		return this;
	}

	public BinaryCopy bytes(byte[] value) {
		return value == null ? nul() : field(value);
	}

	public BinaryCopy date(LocalDate value) {
		if (value == null) {
			return nul();
		}
		begin(Integer.BYTES);
		putInt(Math.toIntExact(value.toEpochDay() - EPOCH_DAY_2000));
		return this;
	}

	/** For a {@code bigint} column. */
	public BinaryCopy int8(long value) {
		begin(Long.BYTES);
		putInt((int) (value >>> 32));
		putInt((int) value);
		return this;
	}

	/** For an {@code integer} column. */
	public BinaryCopy int4(int value) {
		begin(Integer.BYTES);
		putInt(value);
		return this;
	}

	public BinaryCopy endRow() {
		out[rowStart] = (byte) (fields >>> 8);
		out[rowStart + 1] = (byte) fields;
		rowStart = -1;
		if (length >= SEND_AT) {
			send();
		}
		return this;
	}

	/** Ends the COPY and answers the number of rows the server took. */
	public long finish() {
		ensure(Short.BYTES);
		out[length++] = (byte) 0xFF;
		out[length++] = (byte) 0xFF;
		send();
		return stream.finish();
	}

	/** Cancels a COPY that was not finished (the transaction then fails) and hands the connection back. */
	@Override
	public void close() {
		stream.close();
	}

	private BinaryCopy nul() {
		begin(0);
		length -= Integer.BYTES;
		putInt(-1);
		return this;
	}

	private BinaryCopy field(byte[] value) {
		begin(value.length);
		put(value);
		return this;
	}

	/**
	 * Opens the row on its first value (its field count is written at the end) and writes a value's length,
	 * making room for that many bytes (a surrogate pair's four bytes fit in the room of its two chars).
	 */
	private void begin(int valueLength) {
		ensure(Short.BYTES + Integer.BYTES + valueLength);
		if (rowStart < 0) {
			rowStart = length;
			length += Short.BYTES;
			fields = 0;
		}
		fields++;
		putInt(valueLength);
	}

	private void put(byte[] bytes) {
		ensure(bytes.length);
		System.arraycopy(bytes, 0, out, length, bytes.length);
		length += bytes.length;
	}

	private void putInt(int value) {
		ensure(Integer.BYTES);
		out[length++] = (byte) (value >>> 24);
		out[length++] = (byte) (value >>> 16);
		out[length++] = (byte) (value >>> 8);
		out[length++] = (byte) value;
	}

	private void ensure(int more) {
		if (length + more > out.length) {
			out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
		}
	}

	/** Sends whole rows only, plus the header or trailer around them. */
	private void send() {
		stream.write(out, length);
		length = 0;
	}
}
