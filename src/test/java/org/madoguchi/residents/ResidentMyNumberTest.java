package org.madoguchi.residents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.residents.Extract.KOBE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.platform.database.EmbeddedPostgresHolder;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * My Numbers in an extract are sealed into the register's rows, and only when they are new to it: a superuser
 * dumping every table, or reading the database's files, finds none of them in clear.
 */
@MadoguchiTest
class ResidentMyNumberTest {

	@LocalServerPort
	int port;

	@Autowired
	Register register;
	@Autowired
	DataSource dataSource;
	@Autowired
	EmbeddedPostgresHolder postgres;

	@Test
	void myNumbersAreSealedOnceAndNeverStoredInClear() throws Exception {
		String prefix = Extract.prefix();
		String first = Extract.randomMyNumber();
		String second = Extract.randomMyNumber();
		String replacement = Extract.randomMyNumber();
		var extract = new Extract(prefix).row(cells(prefix, "a", first)).row(cells(prefix, "b", second)).row(cells(prefix, "c", ""));

		assertThat(upload(extract).get("created").asInt()).isEqualTo(3);
		long sealed = sealedNumbers();
		var a = resident(prefix + "-a");
		assertThat(a.myNumber()).isNotNull();
		assertThat(a.myNumber()).isEqualTo("********" + first.substring(8));
		assertThat(resident(prefix + "-c").myNumber()).isNull();
		var api = new Api(port);
		String reveal = "/api/v1/municipalities/281000/residents/" + prefix + "-a/my-number:reveal";
		var revealed = api.post(reveal, api.token("kobe-checker"), Api.json(Map.of("reason", "台帳の確認のため")));
		assertThat(revealed.json().get("value").asString()).as(revealed.body()).isEqualTo(first);
		assertThat(api.post(reveal, api.token("kobe-clerk"), Api.json(Map.of("reason", "台帳の確認のため"))).status())
			.as("a clerk may not see it").isEqualTo(403);
		var reasonless = api.post(reveal, api.token("kobe-checker"), Api.json(Map.of()));
		assertThat(reasonless.status()).as(reasonless.body()).isEqualTo(422);
		assertThat(reasonless.body()).contains("reason");
		assertThat(api.post("/api/v1/municipalities/281000/residents/" + prefix + "-c/my-number:reveal", api.token("kobe-checker"),
				Api.json(Map.of("reason", "台帳の確認のため"))).status()).as("no number on record").isEqualTo(404);
		assertThat(reveals(prefix + "-a")).as("the look is audited, the refused ones are not").isEqualTo(1);

		// the same numbers again: nothing sealed; a changed one and a blank one (which keeps what is known)
		assertThat(upload(extract).get("unchanged").asInt()).isEqualTo(3);
		assertThat(sealedNumbers()).isEqualTo(sealed);
		var later = new Extract(prefix).row(cells(prefix, "a", replacement)).row(cells(prefix, "b", ""));
		var replaced = upload(later);
		assertThat(replaced.get("changed").asInt()).as("a new number is a change").isEqualTo(1);
		assertThat(replaced.get("unchanged").asInt()).as("a blank one is not").isEqualTo(1);
		assertThat(sealedNumbers()).isEqualTo(sealed + 1);
		assertThat(resident(prefix + "-a").myNumber()).isEqualTo("********" + replacement.substring(8));
		assertThat(resident(prefix + "-b").myNumber()).isEqualTo("********" + second.substring(8));
		assertThat(api.post(reveal, api.token("kobe-checker"), Api.json(Map.of("reason", "台帳の確認のため"))).json().get("value")
			.asString()).as("the version in force").isEqualTo(replacement);

		var server = postgres.running().orElseThrow();
		try (Connection superuser = server.superuserConnection()) {
			var copy = superuser.unwrap(PGConnection.class).getCopyAPI();
			for (String table : everyTable(superuser)) {
				var dump = new ByteArrayOutputStream();
				copy.copyOut("COPY (select * from " + table + ") TO STDOUT", dump);
				String text = dump.toString(UTF_8);
				for (String number : List.of(first, second, replacement)) {
					assertThat(text).as("a My Number in %s", table).doesNotContain(number);
				}
			}
			try (var statement = superuser.createStatement()) {
				statement.execute("CHECKPOINT");
			}
		}
		for (String number : List.of(first, second, replacement)) {
			assertThat(filesContaining(server.dataDirectory(), number.getBytes(UTF_8))).as("files, WAL included").isEmpty();
		}
	}

	private tools.jackson.databind.JsonNode upload(Extract extract) {
		var response = Extract.upload(port, "kobe-supervisor", "?asOf=2022-01-01", extract.csv().getBytes(UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static String[] cells(String prefix, String resident, String myNumber) {
		return new String[] {prefix + "-" + resident, prefix + "-h", resident.equals("a") ? "世帯主" : "子", "番号 " + resident,
				"バンゴウ", "1980-01-01", "1", "650-0001", "神戸市中央区", "2000-01-01", "", "", myNumber};
	}

	private Resident resident(String id) {
		try (var kobe = TenantScope.open(KOBE)) {
			return register.find(KOBE, id).orElseThrow();
		}
	}

	/** Seals in the register: each sealing has its own nonce, so one number sealed twice counts twice. */
	private long sealedNumbers() {
		try (var kobe = TenantScope.open(KOBE)) {
			return JdbcClient.create(dataSource).sql("select count(distinct my_number_sealed) from resident_version where tenant_id = ?")
				.param(KOBE).query(Long.class).single();
		}
	}

	private long reveals(String residentId) {
		try (var kobe = TenantScope.open(KOBE)) {
			return JdbcClient.create(dataSource).sql("""
					select count(*) from audit_entry where tenant_id = ? and action = 'personal-data.revealed'
					and subject_type = 'resident' and subject_id = ?
					""").params(KOBE, residentId).query(Long.class).single();
		}
	}

	private static List<String> everyTable(Connection connection) throws Exception {
		List<String> tables = new ArrayList<>();
		try (var statement = connection.createStatement(); var rows = statement.executeQuery("""
				select format('%I.%I', n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where c.relkind in ('r', 'p', 'm') order by 1
				""")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		assertThat(tables).contains("public.resident_version", "public.personal_value");
		return tables;
	}

	private static List<Path> filesContaining(Path directory, byte[] wanted) throws IOException {
		List<Path> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					if (indexOf(in.readAllBytes(), wanted) >= 0) {
						found.add(file);
					}
				} catch (NoSuchFileException removedMeanwhile) {
					// a WAL segment recycled while walking
				}
			}
		}
		return found;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer:
		for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
