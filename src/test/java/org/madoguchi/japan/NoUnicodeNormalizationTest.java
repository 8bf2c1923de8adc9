package org.madoguchi.japan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** NFC turns 神 (U+FA19) into 神 (U+795E); a resident's registered name must survive untouched. */
class NoUnicodeNormalizationTest {

	@Test
	void neverNormalizesTextInThisPackage() throws IOException {
		Path sources = Path.of("src/main/java/org/madoguchi/japan");
		try (Stream<Path> files = Files.list(sources)) {
			assertThat(files.filter(file -> file.toString().endsWith(".java")))
					.isNotEmpty()
					.allSatisfy(file -> assertThat(Files.readString(file)).doesNotContain("Normalizer"));
		}
	}
}
