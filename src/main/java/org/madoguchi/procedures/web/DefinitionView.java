package org.madoguchi.procedures.web;

import org.madoguchi.procedures.FormField;
import org.madoguchi.procedures.Procedure;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A definition as the API shows it: the published definition, its version, and the flat field list
 * {@code [{"path","type","required"}]} with {@code options}, {@code maxLength} and item counts where they apply.
 */
final class DefinitionView {

	private DefinitionView() {
	}

	static ObjectNode of(Procedure procedure) {
		ObjectNode view = (ObjectNode) procedure.definition();
		view.put("version", procedure.version());
		ArrayNode fields = view.putArray("fields");
		for (FormField field : procedure.fields()) {
			ObjectNode entry = fields.addObject();
			entry.put("path", field.path());
			entry.put("type", field.type().wire());
			entry.put("required", field.required());
			if (field.maxLength() != null) {
				entry.put("maxLength", field.maxLength());
			}
			if (field.options() != null) {
				ArrayNode options = entry.putArray("options");
				field.options().forEach(options::add);
			}
			if (field.minItems() != null) {
				entry.put("minItems", field.minItems());
				entry.put("maxItems", field.maxItems());
			}
			ObjectNode label = entry.putObject("label");
			label.put("ja", field.label().ja());
			label.put("en", field.label().en());
		}
		return view;
	}
}
