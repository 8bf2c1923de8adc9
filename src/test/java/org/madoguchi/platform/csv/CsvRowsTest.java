package org.madoguchi.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The reader every bulk import shares: what a vendor's or a spreadsheet's file may contain, and how damage
 * is reported on its row. Long files are read in pieces, so cells that straddle a piece are checked too.
 */
class CsvRowsTest {

	@Test
	void readsPlainAndQuotedCellsWithTheirLines() throws IOException {
		var rows = all("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\r\n\"two\nlines\",z,\n last ,,");

		assertThat(rows).extracting(CsvRows.Row::cells).containsExactly(List.of("a", "b", "c"), List.of("x,1", "say \"hi\"", ""),
				List.of("two\nlines", "z", ""), List.of(" last ", "", ""));
		assertThat(rows).extracting(CsvRows.Row::line).containsExactly(1, 2, 3, 5);
		assertThat(rows).allSatisfy(row -> assertThat(row.problem()).isNull());
	}

	@Test
	void takesLoneCarriageReturnsAndAByteOrderMark() throws IOException {
		var rows = all("\uFEFFid,name\r1,山田\r2,佐藤");

		assertThat(rows).extracting(CsvRows.Row::cells).containsExactly(List.of("id", "name"), List.of("1", "山田"),
				List.of("2", "佐藤"));
		assertThat(rows).extracting(CsvRows.Row::line).containsExactly(1, 2, 3);
	}

	@Test
	void reportsAStrayQuoteOnItsRowAndCell() throws IOException {
		var rows = all("a,b\"c,d\n\"ok\"tail,e\n\"never closed,f\ng,h");

		assertThat(rows.get(0).problem()).isEqualTo(CsvRows.QUOTE);
		assertThat(rows.get(0).problemCell()).isEqualTo(1);
		assertThat(rows.get(0).cells()).containsExactly("a", "b\"c", "d");
		assertThat(rows.get(1).problem()).isEqualTo(CsvRows.QUOTE);
		assertThat(rows.get(1).cells()).containsExactly("oktail", "e");
		// an unclosed quote swallows the rest of the file into one damaged cell
		assertThat(rows.get(2).problem()).isEqualTo(CsvRows.QUOTE);
		assertThat(rows).hasSize(3);
	}

	@Test
	void cutsALongCellAndCountsCellsBeyondTheKeptOnes() throws IOException {
		var rows = new CsvRows(new StringReader("abcdef,x,y,z\nabcde,1\n"), 5, 2);

		var first = rows.next();
		assertThat(first.cells()).containsExactly("abcde", "x");
		assertThat(first.width()).isEqualTo(4);
		assertThat(first.problem()).isEqualTo(CsvRows.TOO_LONG);
		assertThat(first.problemCell()).isZero();
		var second = rows.next();
		assertThat(second.cells()).containsExactly("abcde", "1");
		assertThat(second.problem()).isNull();
		assertThat(rows.next()).isNull();
	}

	@Test
	void aRowOfEmptyCellsIsBlank() throws IOException {
		var rows = all("a,b\n , \n\nc,d");

		assertThat(rows).extracting(CsvRows.Row::blank).containsExactly(false, true, true, false);
		assertThat(rows.get(3).line()).isEqualTo(4);
	}

	@Test
	void cellsAcrossTheReadersPiecesComeOutWhole() throws IOException {
		var text = new StringBuilder();
		var expected = new ArrayList<List<String>>();
		for (int i = 0; i < 20_000; i++) {
			var cells = List.of("R" + i, "神戸市中央区加納町" + i + "丁目", i % 7 == 0 ? "a \"quoted\", cell" : "x".repeat(i % 50));
			expected.add(cells);
			text.append(cells.get(0)).append(',').append(cells.get(1)).append(',')
				.append(i % 7 == 0 ? "\"a \"\"quoted\"\", cell\"" : cells.get(2)).append(i % 2 == 0 ? "\r\n" : "\n");
		}
		var rows = all(text.toString());

		assertThat(rows).extracting(CsvRows.Row::cells).containsExactlyElementsOf(expected);
		assertThat(rows.get(19_999).line()).isEqualTo(20_000);
	}

	@Test
	void aByteTheEncodingLacksIsThrownNotReplaced() {
		byte[] bytes = {'a', ',', (byte) 0xFF, '\n'};

		assertThatThrownBy(() -> CsvRows.of(bytes, StandardCharsets.UTF_8, 100, 10).next())
			.isInstanceOf(CharacterCodingException.class);
	}

	@Test
	void rowsCannotBeChangedByTheirReader() throws IOException {
		var row = all("a,b").get(0);

		assertThatThrownBy(() -> row.cells().set(0, "z")).isInstanceOf(UnsupportedOperationException.class);
	}

	private static List<CsvRows.Row> all(String text) throws IOException {
		var rows = new CsvRows(new StringReader(text), 1_000, 100);
		var all = new ArrayList<CsvRows.Row>();
		for (var row = rows.next(); row != null; row = rows.next()) {
			all.add(row);
		}
		return all;
	}
}
