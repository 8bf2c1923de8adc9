package org.madoguchi.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What goes in through the binary COPY comes back out of PostgreSQL unchanged, whatever the values. */
@MadoguchiTest
class BinaryCopyTest {

	@Autowired
	DataSource dataSource;
	@Autowired
	PlatformTransactionManager transactionManager;

	record Row(String text, LocalDate day, long big, int small, byte[] bytes) {
	}

	@Test
	void everyTypeAndNullRoundTrips() {
		var rows = List.of(new Row("山田 太郎\t\\\n\"'😀", LocalDate.of(1926, 12, 25), -5_000_000_000L, -7, new byte[] {0, 1, (byte) 0xFF}),
				new Row("", LocalDate.of(2000, 1, 1), 0, 0, new byte[0]), new Row(null, null, Long.MAX_VALUE, Integer.MAX_VALUE, null),
				new Row("ｱｲｳ", LocalDate.of(2099, 12, 31), Long.MIN_VALUE, Integer.MIN_VALUE, new byte[] {42}),
				// each width of UTF-8 at its edges: 1, 2, 3 and 4 bytes
				new Row("\u007F\u0080 Müller © \u07FF\u0800\uFFFD\uD800\uDC00\uDBFF\uDFFF", LocalDate.of(2000, 1, 2), 1, 1, null));
		var back = load(rows, rows.size());
		assertThat(back).hasSize(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			var wrote = rows.get(i);
			var read = back.get(i);
			assertThat(read.text()).isEqualTo(wrote.text());
			assertThat(read.day()).isEqualTo(wrote.day());
			assertThat(read.big()).isEqualTo(wrote.big());
			assertThat(read.small()).isEqualTo(wrote.small());
			assertThat(read.bytes()).isEqualTo(wrote.bytes());
		}
	}

	@Test
	void aLoneSurrogateArrivesAsAQuestionMarkAsJavaWouldEncodeIt() {
		var back = load(List.of(new Row("a\uD800b\uDC00", null, 0, 0, null)), 1);
		assertThat(back.get(0).text()).isEqualTo("a?b?").isEqualTo(new String("a\uD800b\uDC00".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void rowsBeyondOneSendArriveWhole() {
		String long_ = "長".repeat(30_000);
		var rows = java.util.stream.IntStream.range(0, 2_000)
			.mapToObj(i -> new Row(i % 100 == 0 ? long_ : "row " + i, LocalDate.of(2020, 1, 1).plusDays(i), i, i, new byte[i % 50]))
			.toList();
		var back = load(rows, rows.size());
		assertThat(back).hasSize(2_000);
		assertThat(back.get(1_900).text()).isEqualTo(long_);
		assertThat(back.get(1_999).day()).isEqualTo(LocalDate.of(2020, 1, 1).plusDays(1_999));
		assertThat(back.get(1_999).bytes()).hasSize(1_999 % 50);
	}

	@Test
	void aValueOfTheWrongTypeFailsTheCopyAndWritesNothing() {
		assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			JdbcClient.create(dataSource).sql("create temporary table wrong (n integer) on commit drop").update();
			try (var copy = BinaryCopy.into(dataSource, "copy wrong (n) from stdin (format binary)")) {
				copy.int8(1).endRow();
				copy.finish();
			}
		})).hasMessageContaining("COPY failed");
	}

	private List<Row> load(List<Row> rows, int expected) {
		return new TransactionTemplate(transactionManager).execute(status -> {
			var db = JdbcClient.create(dataSource);
			db.sql("create temporary table binary_copy (n serial, t text, d date, b bigint, i integer, y bytea) on commit drop").update();
			try (var copy = BinaryCopy.into(dataSource, "copy binary_copy (t, d, b, i, y) from stdin (format binary)")) {
				for (var row : rows) {
					copy.text(row.text()).date(row.day()).int8(row.big()).int4(row.small()).bytes(row.bytes()).endRow();
				}
				assertThat(copy.finish()).isEqualTo(expected);
			}
			return db.sql("select t, d, b, i, y from binary_copy order by n")
				.query((r, n) -> new Row(r.getString(1), r.getObject(2, LocalDate.class), r.getLong(3), r.getInt(4), r.getBytes(5)))
				.list();
		});
	}
}
