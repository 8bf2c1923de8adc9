package org.madoguchi.procedures;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The spelling of enum constants in definitions and over the API: {@code ERA_DATE} is written {@code era-date}. */
final class Terms {

	private Terms() {
	}

	static String wire(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
		return Arrays.stream(type.getEnumConstants()).filter(e -> wire(e).equals(text)).findFirst();
	}

	/** The allowed spellings, for the message of a definition that used another. */
	static String allowed(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Terms::wire).collect(Collectors.joining(", "));
	}
}
