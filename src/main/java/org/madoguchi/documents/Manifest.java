package org.madoguchi.documents;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.madoguchi.japan.PostalCode;

/**
 * The list that travels with a batch to the print vendor and the enclosing team: one row per letter in
 * sequence order (連番, 整理番号, 郵便番号, 文書種別コード, 文書種別) after a header row.
 *
 * <p>Written in CP932 (Windows-31J) with CRLF line ends and no BOM, the usual form for municipal print
 * vendors' and host systems' CSV; every field here is ASCII or common JIS kanji, so nothing is lost.
 * Fields are quoted only when they hold a comma, quote or line break (RFC 4180).
 */
final class Manifest {

	static final Charset CP932 = Charset.forName("windows-31j");
	static final String MEDIA_TYPE = "text/csv; charset=Windows-31J";
	private static final String CRLF = "\r\n";
	private static final List<String> HEADER = List.of("連番", "整理番号", "郵便番号", "文書種別コード", "文書種別");

	record Row(int sequence, String caseNumber, String postalCode, LetterType type) {
	}

	private Manifest() {
	}

	static byte[] csv(List<Row> rows) {
		var text = new StringBuilder(line(HEADER));
		for (Row row : rows) {
			text.append(line(List.of(Integer.toString(row.sequence()), row.caseNumber(),
					PostalCode.of(row.postalCode()).formatted(), row.type().code(), row.type().title())));
		}
		return encode(text);
	}

	private static String line(List<String> fields) {
		return fields.stream().map(Manifest::field).collect(Collectors.joining(",")) + CRLF;
	}

	private static String field(String value) {
		boolean quote = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
		return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

	/** Refuses, rather than writes '?', should a character ever lack a CP932 form. */
	private static byte[] encode(CharSequence text) {
		try {
			ByteBuffer bytes = CP932.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
			return Arrays.copyOf(bytes.array(), bytes.limit());
		} catch (CharacterCodingException e) {
			throw new IllegalStateException("the manifest holds a character CP932 cannot encode", e);
		}
	}
}
