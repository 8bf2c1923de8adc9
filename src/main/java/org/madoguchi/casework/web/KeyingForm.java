package org.madoguchi.casework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.madoguchi.platform.Problem;
import org.madoguchi.procedures.Field;
import org.madoguchi.procedures.FieldType;
import org.springframework.context.MessageSource;

/**
 * The inputs of the keying and conflict screens: one block per field (a fieldset for a bank account or a
 * group row), each input labelled, with its hint and its error bound by {@code aria-describedby}, and the
 * values as typed so nothing is lost after an error.
 */
final class KeyingForm {

	record Choice(String value, String label) {
	}

	record Control(String name, String id, String label, String kind, boolean required, Integer maxLength, String inputMode,
			String hint, List<Choice> choices, String value, String error) {

		public String describedBy() {
			String ids = (hint == null ? "" : id + "-hint ") + (error == null ? "" : id + "-error");
			return ids.isBlank() ? null : ids.strip();
		}
	}

	/** A fieldset when it has a legend; {@code addGroup} names the group whose last row this is, if another may follow. */
	record Block(String legend, String error, List<Control> controls, String rowsName, int rows, String addGroup) {
	}

	record Summary(String href, String label, String message) {
	}

	/** A field of the form and the concrete name its input carries. */
	record Target(Field field, String name) {
	}

	private static final Map<String, Integer> BANK_LENGTHS = Map.of("bankCode", 4, "branchCode", 3, "accountNumber", 7, "holderKana", 30);

	private final List<Block> blocks = new ArrayList<>();
	private final List<Summary> summary = new ArrayList<>();
	private final Map<String, String> errors = new LinkedHashMap<>();
	private final Map<String, FieldType> types = new LinkedHashMap<>();
	private final Map<String, String> typed;
	private final Locale locale;
	private final MessageSource messages;
	private String focusId;

	private KeyingForm(Map<String, String> typed, Locale locale, MessageSource messages) {
		this.typed = typed;
		this.locale = locale;
		this.messages = messages;
	}

	/**
	 * The screen for the given fields. {@code added} names a group that gets one more row (and the focus);
	 * otherwise the focus goes to the first input with an error, or the first input.
	 */
	static KeyingForm of(List<Target> targets, Map<String, String> typed, List<Problem> problems, String added, Locale locale,
			MessageSource messages) {
		var form = new KeyingForm(typed, locale, messages);
		targets.forEach(t -> form.index(t.field(), t.name()));
		for (Problem problem : problems) {
			if (problem.path().startsWith("data.")) {
				String name = problem.path().substring(5);
				form.errors.putIfAbsent(name, form.message(problem, form.types.get(name)));
			}
		}
		for (Target target : targets) {
			form.add(target.field(), target.name(), added);
		}
		form.summarise(problems);
		return form;
	}

	public List<Block> blocks() {
		return blocks;
	}

	public List<Summary> summary() {
		return summary;
	}

	public String focusId() {
		return focusId;
	}

	private void index(Field field, String name) {
		types.put(name, field.type());
		if (field.type() == FieldType.GROUP) {
			for (int i = 0; i < KeyedValuesForm.rows(field, name, typed) + 1; i++) {
				for (Field inner : field.fields()) {
					index(inner, name + "[" + i + "]." + inner.path());
				}
			}
		}
	}

	private void add(Field field, String name, String added) {
		String label = field.label().in(locale);
		if (field.type() == FieldType.GROUP) {
			int rows = KeyedValuesForm.rows(field, name, typed);
			boolean adding = name.equals(added) && (field.maxItems() == null || rows < field.maxItems());
			int shown = adding ? rows + 1 : rows;
			for (int i = 0; i < shown; i++) {
				var controls = new ArrayList<Control>();
				for (Field inner : field.fields()) {
					controls(inner, name + "[" + i + "].", controls);
				}
				boolean lastRow = i == shown - 1;
				boolean more = field.maxItems() == null || shown < field.maxItems();
				blocks.add(new Block(text("casework.keying.row", label, i + 1), i == 0 ? errors.get(name) : null, controls,
						lastRow ? "_rows." + name : null, shown, lastRow && more ? name : null));
				if (adding && lastRow && !controls.isEmpty()) {
					focusId = controls.get(0).id();
				}
			}
			return;
		}
		var controls = new ArrayList<Control>();
		controls(field, "", controls, name);
		blocks.add(new Block(field.type() == FieldType.BANK_ACCOUNT ? label : null, errors.get(name), controls, null, 0, null));
	}

	private void controls(Field field, String prefix, List<Control> into) {
		controls(field, prefix, into, prefix + field.path());
	}

	private void controls(Field field, String prefix, List<Control> into, String name) {
		String label = field.label().in(locale);
		switch (field.type()) {
			case GROUP -> {
				int rows = KeyedValuesForm.rows(field, name, typed);
				for (int i = 0; i < rows; i++) {
					for (Field inner : field.fields()) {
						controls(inner, name + "[" + i + "].", into);
					}
				}
			}
			case BANK_ACCOUNT -> {
				for (String part : KeyedValuesForm.BANK_PARTS) {
					String partLabel = label + "：" + text("casework.bank." + part);
					boolean kana = "holderKana".equals(part);
					into.add("accountType".equals(part)
							? control(name + "." + part, partLabel, "select", field.required(), null, null, null,
									Stream.of("1", "2", "4").map(t -> new Choice(t, text("casework.bank.type." + t))).toList())
							: control(name + "." + part, partLabel, "text", field.required(), BANK_LENGTHS.get(part), kana ? null : "numeric",
									kana ? text("casework.hint.holder-kana") : null, List.of()));
				}
			}
			case CHOICE -> into.add(control(name, label, "select", field.required(), null, null, null,
					field.options().stream().map(o -> new Choice(o.value(), o.label().in(locale))).toList()));
			case BOOLEAN -> into.add(control(name, label, "select", field.required(), null, null, null,
					List.of(new Choice("true", text("casework.yes")), new Choice("false", text("casework.no")))));
			default -> into.add(control(name, label, "text", field.required(), field.maxLength(), switch (field.type()) {
				case AMOUNT, MY_NUMBER, CORPORATE_NUMBER -> "numeric";
				case PHONE -> "tel";
				default -> null;
			}, hint(field.type()), List.of()));
		}
	}

	private Control control(String name, String label, String kind, boolean required, Integer maxLength, String inputMode, String hint,
			List<Choice> choices) {
		String id = "f-" + name.replaceAll("[^A-Za-z0-9_-]+", "-");
		var control = new Control(name, id, label, kind, required, maxLength, inputMode, hint, choices, typed.get(name), errors.get(name));
		if (focusId == null && control.error() != null) {
			focusId = id;
		}
		return control;
	}

	/** Every problem once at the top, linked to its input (or the first input of its group or account). */
	private void summarise(List<Problem> problems) {
		var controls = blocks.stream().flatMap(b -> b.controls().stream()).toList();
		for (Problem problem : problems) {
			String name = problem.path().startsWith("data.") ? problem.path().substring(5) : "";
			Control control = controls.stream().filter(c -> !name.isEmpty() && (c.name().equals(name) || c.name().startsWith(name + ".")
					|| c.name().startsWith(name + "["))).findFirst().orElse(null);
			summary.add(new Summary(control == null ? "#keying-form" : "#" + control.id(), control == null ? name : control.label(),
					errors.getOrDefault(name, message(problem, null))));
			if (focusId == null && control != null) {
				focusId = control.id();
			}
		}
		if (focusId == null && !controls.isEmpty()) {
			focusId = controls.get(0).id();
		}
	}

	private String message(Problem problem, FieldType type) {
		if ("type".equals(problem.code()) && type == FieldType.AMOUNT) {
			return text("casework.error.amount");
		}
		if ("out_of_range".equals(problem.code()) && type == FieldType.ERA_DATE) {
			return text("casework.error.era-date-range");
		}
		return messages.getMessage("error." + problem.code(), problem.arguments(), problem.code(), locale);
	}

	private String hint(FieldType type) {
		return switch (type) {
			case ERA_DATE, DATE, KANA, MY_NUMBER, CORPORATE_NUMBER, POSTAL_CODE, PHONE, AMOUNT -> text("casework.hint." + type.wire());
			default -> null;
		};
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
