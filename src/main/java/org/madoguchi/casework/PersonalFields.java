package org.madoguchi.casework;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.madoguchi.privacy.PersonalDataKind;
import org.madoguchi.privacy.PersonalDataVault;
import org.madoguchi.privacy.Seal;
import org.madoguchi.procedures.FormField;
import org.madoguchi.procedures.Procedure;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes My Numbers, bank account numbers and phone numbers out of case data before it is stored: each goes
 * to the privacy vault and the data keeps {@code {"ref": id, "masked": "********9018"}}. A fingerprint (blind
 * index) per concrete path lets two keyings be compared without either value in clear.
 */
@Component
class PersonalFields {

	private final PersonalDataVault vault;
	private final Seal seal;

	PersonalFields(PersonalDataVault vault, Seal seal) {
		this.vault = vault;
		this.seal = seal;
	}

	record Sealed(ObjectNode data, Map<String, String> fingerprints) {
	}

	Sealed seal(String municipality, Procedure procedure, ObjectNode data) {
		var copy = data.deepCopy();
		Map<String, String> fingerprints = new LinkedHashMap<>();
		for (FormField field : procedure.fields()) {
			PersonalDataKind kind = switch (field.type()) {
				case MY_NUMBER -> PersonalDataKind.MY_NUMBER;
				case PHONE -> PersonalDataKind.PHONE;
				case BANK_ACCOUNT -> PersonalDataKind.BANK_ACCOUNT;
				default -> null;
			};
			if (kind == null) {
				continue;
			}
			String path = kind == PersonalDataKind.BANK_ACCOUNT ? field.path() + ".accountNumber" : field.path();
			visit(copy, path.split("\\."), 0, "", (owner, concrete) -> {
				String name = concrete.substring(concrete.lastIndexOf('.') + 1);
				JsonNode value = owner.get(name);
				if (value != null && value.isString() && !value.asString().isBlank()) {
					String plain = value.asString().strip();
					var stored = vault.store(municipality, kind, plain);
					fingerprints.put(concrete, fingerprint(municipality, kind, plain));
					owner.set(name, JsonNodeFactory.instance.objectNode().put("ref", stored.id()).put("masked", stored.masked()));
				}
			});
		}
		return new Sealed(copy, fingerprints);
	}

	/** The blind index of the applicant's phone, for search; null when there is none. */
	byte[] phoneIndex(String municipality, String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		return seal.blindIndex(municipality, "case-phone", digits(phone)).bytes();
	}

	private String fingerprint(String municipality, PersonalDataKind kind, String plain) {
		return HexFormat.of().formatHex(seal.blindIndex(municipality, "keying-" + kind.code(), digits(plain)).bytes());
	}

	private static String digits(String text) {
		return text.replaceAll("[^0-9０-９]", "");
	}

	/** Calls back for every concrete location of a dotted path, expanding {@code []} over array items. */
	static void visit(ObjectNode node, String[] segments, int i, String prefix, BiConsumer<ObjectNode, String> found) {
		String segment = segments[i];
		boolean array = segment.endsWith("[]");
		String name = array ? segment.substring(0, segment.length() - 2) : segment;
		String here = prefix.isEmpty() ? name : prefix + "." + name;
		if (i == segments.length - 1) {
			found.accept(node, here);
			return;
		}
		JsonNode child = node.get(name);
		if (array && child instanceof ArrayNode items) {
			for (int k = 0; k < items.size(); k++) {
				if (items.get(k) instanceof ObjectNode item) {
					visit(item, segments, i + 1, here + "[" + k + "]", found);
				}
			}
		} else if (child instanceof ObjectNode object) {
			visit(object, segments, i + 1, here, found);
		}
	}
}
