package org.madoguchi.privacy.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {

	@TempDir
	Path dataDir;

	@Test
	void aConfiguredKeyIsUsedAsIs() {
		String configured = Base64.getEncoder().encodeToString(new byte[32]);

		var keys = MasterKeySource.load(configured, "", false, dataDir);

		assertThat(keys.current().id()).isEqualTo(MasterKey.of(new byte[32]).id());
		assertThat(keys.previous()).isEmpty();
		assertThat(dataDir.resolve("master.key")).doesNotExist();
	}

	@Test
	void withoutAKeyAndWithAnExternalDatabaseTheAppRefusesToStart() {
		assertThatThrownBy(() -> MasterKeySource.load(" ", "", false, dataDir))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("MADOGUCHI_MASTER_KEY is not set")
			.hasMessageContaining("openssl rand -base64 32");
	}

	@Test
	void withoutAKeyOnTheEmbeddedDatabaseADemoKeyIsGeneratedOnceReadableOnlyByItsOwner() throws Exception {
		var first = MasterKeySource.load("", "", true, dataDir);
		var second = MasterKeySource.load(null, null, true, dataDir);

		Path file = dataDir.resolve("master.key");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
		assertThat(second.current().id()).isEqualTo(first.current().id());
	}

	@Test
	void aPreviousKeyIsKeptForUnwrappingDuringARotation() {
		byte[] old = new byte[32];
		old[0] = 1;
		var keys = MasterKeySource.load(Base64.getEncoder().encodeToString(new byte[32]),
				Base64.getEncoder().encodeToString(old), false, dataDir);

		assertThat(keys.previous()).map(MasterKey::id).contains(MasterKey.of(old).id());
		assertThat(keys.byId(MasterKey.of(old).id())).isPresent();
		assertThat(keys.byId("0000000000000000")).isEmpty();
	}
}
