package org.madoguchi.residents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A city's first extract takes the fast path (a partition of its own, indexed after the load); the next
 * one the merge. 須賀川市 is imported by no other test, so its first extract is this test's.
 */
@MadoguchiTest
class RegisterFirstLoadTest {

	private static final String SUKAGAWA = "072079";

	@LocalServerPort
	int port;

	@Autowired
	Register register;
	@Autowired
	DataSource dataSource;

	@Test
	void aFailedFirstLoadLeavesNothingAndTheNextExtractMergesIntoTheFirst() {
		String prefix = Extract.prefix();
		var extract = new Extract(prefix);
		String number = Extract.randomMyNumber();
		extract.row(extract.id("a"), extract.id("h1"), "世帯主", "円谷 幸吉", "ツブラヤ コウキチ", "1940-05-13", "1", "962-0001",
				"須賀川市", "1960-01-01", "", "", number)
			.person("b", "h1", "妻", "円谷 和子", "ツブラヤ カズコ", "1945-01-01", "2", "1970-01-01")
			.person("c", "h1", "子", "円谷 一郎", "ツブラヤ イチロウ", "2020-01-01", "1", "2020-01-01").row(extract.id("c"));
		var broken = new ByteArrayOutputStream();
		broken.writeBytes(extract.csv().getBytes(UTF_8));
		broken.writeBytes(new byte[] {(byte) 0xFF, '\r', '\n'});

		var refused = Extract.upload(port, "admin", SUKAGAWA, "?asOf=2019-01-01", broken.toByteArray());
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(partitionExists()).as("rolled back with the rest").isFalse();

		var first = Extract.upload(port, "admin", SUKAGAWA, "?asOf=2019-01-01", extract.csv().getBytes(UTF_8)).json();
		assertThat(first.get("created").asInt()).as(first.toString()).isEqualTo(3);
		assertThat(first.get("rejected").valueStream().map(r -> r.get("line").asInt())).containsExactly(5);
		assertThat(partitionExists()).isTrue();
		assertThat(partitionIndexes()).as("built by the load and taken over by the register's own, none built twice")
			.containsExactlyInAnyOrder("resident_version_pkey", "resident_version_match");
		assertThat(defaults("resident_version_072079")).as("the load's defaults (city, extract) dropped again")
			.isEqualTo(defaults("resident_version"));

		var later = new Extract(prefix).row(extract.id("a"), extract.id("h1"), "世帯主", "円谷 幸吉", "ツブラヤ コウキチ", "1940-05-13", "1",
				"962-0001", "須賀川市", "1960-01-01", "", "", "")
			.removed("b", "h1", "妻", "円谷 和子", "ツブラヤ カズコ", "1945-01-01", "2", "1970-01-01", "2019-03-01", "死亡")
			.person("d", "h2", "世帯主", "円谷 次郎", "ツブラヤ ジロウ", "1990-01-01", "1", "2019-02-01");
		var merged = Extract.upload(port, "admin", SUKAGAWA, "?asOf=2019-04-01", later.csv().getBytes(UTF_8)).json();
		assertThat(merged.get("created").asInt()).as(merged.toString()).isEqualTo(1);
		assertThat(merged.get("changed").asInt()).as("b died; a's row only leaves out his number").isEqualTo(1);

		try (var scope = TenantScope.open(SUKAGAWA)) {
			var a = register.find(SUKAGAWA, extract.id("a")).orElseThrow();
			assertThat(a.myNumber()).isEqualTo("********" + number.substring(8));
			var january = new ArrayList<String>();
			register.householdsOn(SUKAGAWA, LocalDate.of(2019, 1, 15), h -> january.add(h.id() + ":" + h.members().size()));
			var may = new ArrayList<String>();
			register.householdsOn(SUKAGAWA, LocalDate.of(2019, 5, 1), h -> may.add(h.id() + ":" + h.members().size()));
			assertThat(january).containsExactly(extract.id("h1") + ":2");
			assertThat(may).containsExactly(extract.id("h1") + ":1", extract.id("h2") + ":1");
			assertThat(register.search(SUKAGAWA, "ツブラヤ コウキチ", LocalDate.of(1940, 5, 13))).extracting(Resident::residentId)
				.containsExactly(extract.id("a"));

			// the database's own rule for postal codes (V20), whatever writes the row
			var db = JdbcClient.create(dataSource);
			String update = "update resident_version set postal_code = ? where tenant_id = ? and resident_id = ? and valid_to = 'infinity'";
			for (String bad : List.of("962-001", "96200012", "962000", "96２0001", "962000a", " 962000", "")) {
				assertThatThrownBy(() -> db.sql(update).params(bad, SUKAGAWA, extract.id("a")).update()).as(bad)
					.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("resident_version_postal_code_check");
			}
			assertThat(db.sql(update).params("0010000", SUKAGAWA, extract.id("a")).update()).isEqualTo(1);
		}
	}

	/** The register's index each of the partition's indexes is attached to, or the partition's own name if none. */
	private List<String> partitionIndexes() {
		return JdbcClient.create(dataSource).sql("""
				select coalesce(parent.relname, i.relname) from pg_index x join pg_class i on i.oid = x.indexrelid
				left join pg_inherits h on h.inhrelid = x.indexrelid left join pg_class parent on parent.oid = h.inhparent
				where x.indrelid = 'resident_version_072079'::regclass
				""").query(String.class).list();
	}

	private List<String> defaults(String table) {
		return JdbcClient.create(dataSource).sql("""
				select a.attname || '=' || pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d
				join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum where d.adrelid = ?::regclass order by 1
				""").param(table).query(String.class).list();
	}

	private boolean partitionExists() {
		return JdbcClient.create(dataSource).sql("select to_regclass('resident_version_072079') is not null").query(Boolean.class)
			.single();
	}
}
