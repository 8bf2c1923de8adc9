package org.madoguchi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.privacy.PersonalDataVaultTest.KOBE;
import static org.madoguchi.privacy.PersonalDataVaultTest.in;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.Role;
import org.madoguchi.platform.database.EmbeddedPostgresHolder;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The acceptance test of the vault: after a My Number has been stored, searched for and revealed, an
 * intruder with superuser access to the database, or with a copy of its files, finds it nowhere in clear.
 */
@MadoguchiTest
class NoPlaintextAtRestTest {

	@Autowired
	PersonalDataVault vault;
	@Autowired
	EmbeddedPostgresHolder postgres;

	@Test
	void aStoredMyNumberAppearsInClearInNoTableAndNoFileOfTheDatabase() throws Exception {
		String number = MyNumbers.random();
		var stored = in(KOBE, () -> vault.store(KOBE, PersonalDataKind.MY_NUMBER, number));
		in(KOBE, () -> vault.search(KOBE, PersonalDataKind.MY_NUMBER, number));
		try (var checker = SignedIn.as("kobe-checker", Role.OPERATOR_CHECKER, KOBE)) {
			assertThat(in(KOBE, () -> vault.reveal(KOBE, stored.id(), "本人確認のため")).value()).isEqualTo(number);
		}
		byte[] clear = number.getBytes(StandardCharsets.UTF_8);
		byte[] mask = stored.masked().getBytes(StandardCharsets.UTF_8);

		var server = postgres.running().orElseThrow();
		List<String> tablesWithMask = new ArrayList<>();
		try (Connection superuser = server.superuserConnection()) {
			var copy = superuser.unwrap(PGConnection.class).getCopyAPI();
			List<String> tables = everyTable(superuser);
			assertThat(tables).contains("public.personal_value", "public.audit_entry", "public.data_key");
			for (String table : tables) {
				var dump = new ByteArrayOutputStream();
				copy.copyOut("COPY (select * from " + table + ") TO STDOUT", dump);
				assertThat(indexOf(dump.toByteArray(), clear)).as("the number in a row of %s", table).isEqualTo(-1);
				if (indexOf(dump.toByteArray(), mask) >= 0) {
					tablesWithMask.add(table);
				}
			}
			try (var statement = superuser.createStatement()) {
				statement.execute("CHECKPOINT");
			}
		}
		// the scan can see what is there: the mask, stored next to the sealed value, is found
		assertThat(tablesWithMask).contains("public.personal_value");
		assertThat(filesContaining(server.dataDirectory(), mask)).isNotEmpty();
		assertThat(filesContaining(server.dataDirectory(), clear)).as("files holding the number, WAL included").isEmpty();
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
		return tables;
	}

	private static List<Path> filesContaining(Path directory, byte[] wanted) throws IOException {
		List<Path> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (contains(file, wanted)) {
					found.add(file);
				}
			}
		}
		return found;
	}

	/** Reads in chunks that overlap by the pattern's length, so a match across a chunk boundary is not missed. */
	private static boolean contains(Path file, byte[] wanted) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 20];
			int kept = 0;
			int read;
			while ((read = in.read(buffer, kept, buffer.length - kept)) > 0) {
				int length = kept + read;
				if (indexOf(buffer, length, wanted) >= 0) {
					return true;
				}
				kept = Math.min(wanted.length - 1, length);
				System.arraycopy(buffer, length - kept, buffer, 0, kept);
			}
			return false;
		} catch (NoSuchFileException removedMeanwhile) {
			return false;
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		return indexOf(haystack, haystack.length, needle);
	}

	private static int indexOf(byte[] haystack, int length, byte[] needle) {
		outer:
		for (int i = 0; i <= length - needle.length; i++) {
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
