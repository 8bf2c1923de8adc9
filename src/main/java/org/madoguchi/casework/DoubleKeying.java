package org.madoguchi.casework;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.madoguchi.platform.Conflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two clerks key the same mailed form without seeing each other's values. If they agree, the form is
 * taken as keyed; if not, a checker who keyed neither round decides each differing field. One person can
 * never key both rounds, and both keyers stay on the case's record.
 */
@Component
class DoubleKeying {

	private final JdbcClient db;

	DoubleKeying(JdbcClient db) {
		this.db = db;
	}

	sealed interface Outcome permits AwaitingSecond, Agreed, Disagreed {
	}

	record AwaitingSecond() implements Outcome {
	}

	record Agreed(ObjectNode data) implements Outcome {
	}

	record Disagreed(List<String> paths) implements Outcome {
	}

	Outcome key(String municipality, String caseNumber, String clerk, PersonalFields.Sealed keyed) {
		record Round(int round, String keyedBy, String data, String fingerprints) {
		}
		var rounds = db.sql("select round, keyed_by, data::text as data, fingerprints::text as fingerprints from keying where tenant_id = ? and case_number = ? order by round")
			.params(municipality, caseNumber).query(Round.class).list();
		if (rounds.size() >= 2) {
			throw new Conflict(409, "transition", "already_keyed_twice");
		}
		if (!rounds.isEmpty() && rounds.get(0).keyedBy().equals(clerk)) {
			throw new Conflict(403, "transition", "same_keyer");
		}
		int round = rounds.size() + 1;
		db.sql("insert into keying (tenant_id, case_number, round, keyed_by, data, fingerprints) values (?, ?, ?, ?, ?::jsonb, ?::jsonb)")
			.params(municipality, caseNumber, round, clerk, Cases.JSON.writeValueAsString(keyed.data()),
					Cases.JSON.writeValueAsString(keyed.fingerprints()))
			.update();
		if (round == 1) {
			return new AwaitingSecond();
		}
		var first = (ObjectNode) Cases.JSON.readTree(rounds.get(0).data());
		@SuppressWarnings("unchecked")
		Map<String, String> firstPrints = Cases.JSON.readValue(rounds.get(0).fingerprints(), Map.class);
		var differing = differences(flatten(first, firstPrints), flatten(keyed.data(), keyed.fingerprints()));
		return differing.isEmpty() ? new Agreed(first) : new Disagreed(differing);
	}

	/** The keyers of a case, who may neither resolve its conflicts nor decide it. */
	List<String> keyers(String municipality, String caseNumber) {
		return db.sql("select keyed_by from keying where tenant_id = ? and case_number = ? order by round").params(municipality, caseNumber)
			.query(String.class).list();
	}

	/** Round one's data with the checker's decisions laid over it. */
	ObjectNode resolved(String municipality, String caseNumber, ObjectNode decisions) {
		String first = db.sql("select data::text from keying where tenant_id = ? and case_number = ? and round = 1")
			.params(municipality, caseNumber).query(String.class).single();
		var data = (ObjectNode) Cases.JSON.readTree(first);
		merge(data, decisions);
		return data;
	}

	static void merge(ObjectNode target, ObjectNode patch) {
		for (Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator(); it.hasNext();) {
			var entry = it.next();
			JsonNode existing = target.get(entry.getKey());
			if (existing instanceof ObjectNode into && entry.getValue() instanceof ObjectNode from && !from.has("ref")) {
				merge(into, from);
			} else if (existing instanceof ArrayNode into && entry.getValue() instanceof ArrayNode from) {
				for (int i = 0; i < from.size(); i++) {
					if (i < into.size() && into.get(i) instanceof ObjectNode item && from.get(i) instanceof ObjectNode change) {
						merge(item, change);
					} else if (i < into.size()) {
						into.set(i, from.get(i));
					} else {
						into.add(from.get(i));
					}
				}
			} else {
				target.set(entry.getKey(), entry.getValue());
			}
		}
	}

	/** Leaf values by concrete path; a vault reference stands as its fingerprint, so equal numbers compare equal. */
	static Map<String, String> flatten(JsonNode node, Map<String, String> fingerprints) {
		var leaves = new LinkedHashMap<String, String>();
		flatten(node, "", fingerprints, leaves);
		return leaves;
	}

	private static void flatten(JsonNode node, String path, Map<String, String> prints, Map<String, String> leaves) {
		if (node instanceof ObjectNode object && !object.has("ref")) {
			object.properties().forEach(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), prints, leaves));
		} else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				flatten(array.get(i), path + "[" + i + "]", prints, leaves);
			}
			if (array.isEmpty()) {
				leaves.put(path, "[]");
			}
		} else if (node instanceof ObjectNode) {
			leaves.put(path, "fp:" + prints.getOrDefault(path, "?"));
		} else if (!node.isNull()) {
			leaves.put(path, node.toString());
		}
	}

	static List<String> differences(Map<String, String> a, Map<String, String> b) {
		var paths = new ArrayList<String>();
		var all = new java.util.TreeSet<>(a.keySet());
		all.addAll(b.keySet());
		for (String path : all) {
			if (!java.util.Objects.equals(a.get(path), b.get(path))) {
				paths.add("data." + path);
			}
		}
		return paths;
	}
}
