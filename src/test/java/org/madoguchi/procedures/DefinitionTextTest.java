package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.procedures.DefinitionText.Format;

class DefinitionTextTest {

	private static String firstProblem(String text, Format format) {
		try {
			DefinitionText.read(text, format);
			return "none";
		} catch (InvalidInput e) {
			return e.problems().get(0).path() + ":" + e.problems().get(0).code();
		}
	}

	@Test
	void aBillionLaughsDocumentStopsEarly() {
		var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char c = 'b'; c <= 'i'; c++) {
			String previous = String.valueOf((char) (c - 1));
			bomb.append(c).append(": &").append(c).append(" [").append(("*" + previous + ",").repeat(8)).append("*").append(previous).append("]\n");
		}
		long started = System.nanoTime();
		assertThat(firstProblem(bomb.toString(), Format.YAML)).isEqualTo("body:too_complex");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void fewAliasesThatDoubleAtEachLevelAreCountedToo() {
		var doubling = new StringBuilder("l0: &l0 [x, x]\n");
		for (int i = 1; i <= 19; i++) {
			doubling.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
		}
		assertThat(firstProblem(doubling.toString(), Format.YAML)).isEqualTo("body:too_complex");
	}

	@Test
	void deepNestingAndSelfReferenceAreRefused() {
		assertThat(firstProblem("a: " + "[".repeat(100) + "]".repeat(100), Format.YAML)).isEqualTo("body:too_complex");
		assertThat(firstProblem("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}", Format.JSON)).isEqualTo("body:too_complex");
		assertThat(firstProblem("a: &loop [*loop]", Format.YAML)).isEqualTo("body:too_complex");
	}

	@Test
	void tagsThatWouldBuildJavaObjectsAreRefused() {
		assertThat(firstProblem("a: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]",
				Format.YAML)).isEqualTo("body:unsupported_tag");
		assertThat(firstProblem("a: !custom value", Format.YAML)).isEqualTo("body:unsupported_tag");
		assertThat(firstProblem("a: !!set {x, y}", Format.YAML)).isEqualTo("body:unsupported_tag");
	}

	@Test
	void duplicateKeysAreRefusedInBothFormats() {
		assertThatThrownBy(() -> DefinitionText.read("id: a\nname: b\nid: c\n", Format.YAML)).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.problems().get(0).arguments()).containsExactly("id", 3));
		assertThat(firstProblem("{\"id\":\"a\",\"id\":\"b\"}", Format.JSON)).isEqualTo("body:syntax");
	}

	@Test
	void aSyntaxErrorSaysWhere() {
		assertThatThrownBy(() -> DefinitionText.read("id: a\nname: [unclosed\n", Format.YAML)).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.problems().get(0).code()).isEqualTo("syntax"));
		assertThatThrownBy(() -> DefinitionText.read("{\"id\": }", Format.JSON)).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.problems().get(0).arguments()).containsExactly(1, 8));
	}

	@Test
	void textOverAMegabyteIsRefusedBeforeParsing() {
		assertThat(firstProblem("a: " + "x".repeat(DefinitionText.MAX_CHARS), Format.YAML)).isEqualTo("body:too_large");
	}

	@Test
	void anythingButAnObjectIsNoDefinition() {
		assertThat(firstProblem("[1, 2]", Format.YAML)).isEqualTo("body:type");
		assertThat(firstProblem("   ", Format.YAML)).isEqualTo("body:required");
		assertThat(firstProblem("# only a comment", Format.YAML)).isEqualTo("body:type");
	}

	@Test
	void plainScalarsFollowYaml12SoNoStaysText() {
		var tree = DefinitionText.read("a: no\nb: yes\nc: true\nd: 012\ne: 12\nf: 2019-05-01\ng: ~\nh: 1.5\n", Format.YAML);
		assertThat(tree.get("a").isString()).isTrue();
		assertThat(tree.get("b").asString()).isEqualTo("yes");
		assertThat(tree.get("c").isBoolean()).isTrue();
		assertThat(tree.get("d").isString()).as("no octal surprises").isTrue();
		assertThat(tree.get("e").asLong()).isEqualTo(12);
		assertThat(tree.get("f").asString()).isEqualTo("2019-05-01");
		assertThat(tree.get("g").isNull()).isTrue();
		assertThat(tree.get("h").asDouble()).isEqualTo(1.5);
	}

	@Test
	void theContentTypeChoosesTheFormat() {
		assertThat(Format.ofContentType("application/yaml")).contains(Format.YAML);
		assertThat(Format.ofContentType("text/yaml; charset=utf-8")).contains(Format.YAML);
		assertThat(Format.ofContentType("application/json;charset=UTF-8")).contains(Format.JSON);
		assertThat(Format.ofContentType("application/vnd.madoguchi+json")).contains(Format.JSON);
		assertThat(Format.ofContentType(null)).contains(Format.YAML);
		assertThat(Format.ofContentType("application/x-www-form-urlencoded")).isEmpty();
	}
}
