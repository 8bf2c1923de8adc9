package org.madoguchi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;

class LogRequestTest {

	@Test
	void no_parameters_mean_the_first_page_of_fifty_without_filters() {
		var query = LogRequest.empty().parse();

		assertThat(query.page()).isZero();
		assertThat(query.size()).isEqualTo(50);
		assertThat(query.filter().from()).isNull();
		assertThat(query.filter().actor()).isNull();
	}

	@Test
	void dates_are_whole_days_in_japan_with_the_last_day_included() {
		var query = new LogRequest("2026-11-02", "2026-11-03", " suzuki ", "", null, null, "2", "200").parse();

		assertThat(query.filter().from()).isEqualTo(Instant.parse("2026-11-01T15:00:00Z"));
		assertThat(query.filter().to()).isEqualTo(Instant.parse("2026-11-03T15:00:00Z"));
		assertThat(query.filter().actor()).isEqualTo("suzuki");
		assertThat(query.filter().action()).isNull();
		assertThat(query.page()).isEqualTo(2);
		assertThat(query.size()).isEqualTo(200);
	}

	@Test
	void instants_with_an_offset_are_taken_as_they_are() {
		var query = new LogRequest("2026-11-02T09:00:00+09:00", "2026-11-02T01:00:00Z", null, null, null, null, null, null)
			.parse();

		assertThat(query.filter().from()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
		assertThat(query.filter().to()).isEqualTo(Instant.parse("2026-11-02T01:00:00Z"));
	}

	@Test
	void every_bad_parameter_is_reported_with_its_name() {
		var request = new LogRequest("2026-02-30", "yesterday", "x".repeat(201), "a\tb", null, null, "-1", "201");

		assertThatThrownBy(request::parse).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.problems()).extracting(Problem::path, Problem::code).containsExactly(
						tuple("from", "format"),
						tuple("to", "format"),
						tuple("actor", "too_long"),
						tuple("action", "control_characters"),
						tuple("page", "out_of_range"),
						tuple("size", "out_of_range")));
	}

	@Test
	void a_period_that_ends_before_it_starts_is_refused_at_its_end() {
		var request = new LogRequest("2026-11-03", "2026-11-02", null, null, null, null, "abc", "0");

		assertThatThrownBy(request::parse).isInstanceOfSatisfying(InvalidInput.class,
				e -> assertThat(e.problems()).extracting(Problem::path, Problem::code).containsExactly(
						tuple("to", "to_before_from"),
						tuple("page", "format"),
						tuple("size", "out_of_range")));
	}
}
