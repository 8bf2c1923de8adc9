package org.madoguchi.procedures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.madoguchi.platform.InvalidInput;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The definitions that ship with the application ({@code classpath:procedures/*.yaml}): version 1 of each
 * procedure for every municipality that has not published its own. Read at start-up; a broken shipped file
 * stops the application rather than the first case that needs it.
 */
@Component
class ShippedProcedures {

	static final String LOCATION = "classpath*:procedures/*.yaml";

	private final Map<String, Procedure> byId;

	ShippedProcedures() {
		this.byId = load();
	}

	Optional<Procedure> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	boolean has(String id) {
		return byId.containsKey(id);
	}

	Collection<Procedure> all() {
		return byId.values();
	}

	private static Map<String, Procedure> load() {
		var procedures = new TreeMap<String, Procedure>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				String file = resource.getFilename();
				String text = resource.getContentAsString(StandardCharsets.UTF_8);
				Procedure procedure;
				try {
					procedure = ProcedureReader.read(DefinitionText.read(text, DefinitionText.Format.YAML), 1);
				} catch (InvalidInput e) {
					throw new IllegalStateException("Shipped procedure " + file + " is invalid: " + e.problems().stream()
						.map(p -> p.path() + " " + p.code() + Arrays.toString(p.arguments())).toList(), e);
				}
				if (!(procedure.id() + ".yaml").equals(file)) {
					throw new IllegalStateException("Shipped procedure " + file + " must be named after its id " + procedure.id());
				}
				procedures.put(procedure.id(), procedure);
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the shipped procedures", e);
		}
		return Collections.unmodifiableMap(procedures);
	}
}
