package org.madoguchi.platform.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.madoguchi.platform.InvalidInput;

/**
 * Which encoding a CSV file is in: UTF-8 (with or without a BOM) or CP932, the two that Japanese
 * spreadsheets and municipal systems write. A CP932 file with kanji is almost never valid UTF-8, so the
 * file is UTF-8 when its first non-ASCII bytes decode as UTF-8, and CP932 otherwise.
 */
public final class CsvEncoding {

	public static final Charset CP932 = Charset.forName("windows-31j");

	/** How far past the first non-ASCII byte a streamed file is looked at before deciding. */
	static final int WINDOW = 4096;

	private CsvEncoding() {
	}

	/** A stream whose encoding is decided, with the bytes read to decide it put back in front. */
	public record Detected(Charset charset, InputStream in) {
	}

	/**
	 * An encoding the caller named, or null for none. Spreadsheets on Japanese Windows say Shift_JIS or MS932
	 * and mean CP932, and Java's own "CP932" is IBM-942, a different table: all these names mean windows-31j.
	 */
	public static Charset named(String encoding) {
		if (encoding == null || encoding.isBlank()) {
			return null;
		}
		return switch (encoding.strip().toUpperCase(Locale.ROOT)) {
			case "UTF-8", "UTF8" -> UTF_8;
			case "CP932", "MS932", "WINDOWS-31J", "SHIFT_JIS", "SHIFT-JIS", "SJIS" -> CP932;
			default -> throw new InvalidInput("encoding", "unknown_option");
		};
	}

	/**
	 * The encodings to try on a file held in memory, in order: the one the caller named, else UTF-8 alone for
	 * a file with a UTF-8 BOM, else UTF-8 and then CP932.
	 */
	public static List<Charset> candidates(Charset named, byte[] bytes) {
		if (named != null) {
			return List.of(named);
		}
		return bom(bytes, bytes.length) ? List.of(UTF_8) : List.of(UTF_8, CP932);
	}

	/**
	 * Decides the encoding of a stream too large to hold, reading only up to its first non-ASCII bytes (plus a
	 * window after them). What comes later is decoded strictly, so a file that changes encoding halfway fails
	 * then, with a CharacterCodingException from {@link CsvRows#next()}.
	 */
	public static Detected detect(Charset named, InputStream in) throws IOException {
		if (named != null) {
			return new Detected(named, in);
		}
		byte[] head = new byte[8192];
		int length = 0;
		int firstHigh = -1;
		boolean ended = false;
		while (firstHigh < 0 || length - firstHigh < WINDOW) {
			if (length == head.length) {
				head = Arrays.copyOf(head, head.length * 2);
			}
			int read = in.read(head, length, head.length - length);
			if (read < 0) {
				ended = true;
				break;
			}
			for (int i = length; i < length + read && firstHigh < 0; i++) {
				firstHigh = head[i] < 0 ? i : -1;
			}
			length += read;
		}
		boolean utf8 = bom(head, length) || firstHigh < 0 || utf8(head, firstHigh, length, ended);
		return new Detected(utf8 ? UTF_8 : CP932, new SequenceInputStream(new ByteArrayInputStream(head, 0, length), in));
	}

	private static boolean bom(byte[] bytes, int length) {
		return length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
	}

	/** Whether the bytes from {@code from} are UTF-8; unless the file ended there, a character cut at the end is fine. */
	private static boolean utf8(byte[] bytes, int from, int to, boolean ended) {
		var decoder = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
		var input = ByteBuffer.wrap(bytes, from, to - from);
		CoderResult result = decoder.decode(input, CharBuffer.allocate(to - from), ended);
		return !result.isError() && !(ended && input.hasRemaining());
	}
}
