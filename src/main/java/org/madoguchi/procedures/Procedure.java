package org.madoguchi.procedures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.madoguchi.japan.WarekiDate;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One version of a procedure, read from its definition and checked: immutable, so a case can hold on to the
 * version it was opened under. Case data is a JSON object whose nesting follows the dotted field paths.
 */
public final class Procedure {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String id;
	private final int version;
	private final LocalizedText name;
	private final Set<Channel> channels;
	private final List<Field> form;
	private final List<FormField> fields;
	private final Map<String, Field> byPath;
	private final List<Rule> rules;
	private final List<Attachment> attachments;
	private final Sla sla;
	private final List<Fee> fees;
	private final List<Letter> letters;
	private final Workflow workflow;
	private final List<DeficiencyReason> deficiencyReasons;
	private final JsonNode definition;
	private final FormCheck.Shape shape;

	Procedure(String id, int version, LocalizedText name, Set<Channel> channels, List<Field> form, List<Rule> rules,
			List<Attachment> attachments, Sla sla, List<Fee> fees, List<Letter> letters, Workflow workflow,
			List<DeficiencyReason> deficiencyReasons, JsonNode definition) {
		this.id = id;
		this.version = version;
		this.name = name;
		this.channels = Set.copyOf(channels);
		this.form = List.copyOf(form);
		this.rules = List.copyOf(rules);
		this.attachments = List.copyOf(attachments);
		this.sla = sla;
		this.fees = List.copyOf(fees);
		this.letters = List.copyOf(letters);
		this.workflow = workflow;
		this.deficiencyReasons = List.copyOf(deficiencyReasons);
		this.definition = definition.deepCopy();
		var flat = new ArrayList<FormField>();
		var paths = new LinkedHashMap<String, Field>();
		flatten(this.form, "", flat, paths);
		this.fields = List.copyOf(flat);
		this.byPath = Map.copyOf(paths);
		this.shape = FormCheck.Shape.of(this.form);
	}

	public String id() {
		return id;
	}

	public int version() {
		return version;
	}

	public LocalizedText name() {
		return name;
	}

	public String name(Locale locale) {
		return name.in(locale);
	}

	public Set<Channel> channels() {
		return channels;
	}

	/** The form as defined, groups holding their own fields. */
	public List<Field> form() {
		return form;
	}

	/** The flat field list, with group items as {@code members[].birthDate}. */
	public List<FormField> fields() {
		return fields;
	}

	public Optional<FormField> field(String path) {
		return fields.stream().filter(f -> f.path().equals(path)).findFirst();
	}

	public List<Rule> rules() {
		return rules;
	}

	public List<Attachment> attachments() {
		return attachments;
	}

	public Optional<Sla> sla() {
		return Optional.ofNullable(sla);
	}

	public List<Fee> fees() {
		return fees;
	}

	/** The sum of the fees for given (normalised) case data, in yen. */
	public long feeTotal(JsonNode data) {
		return fees.stream().mapToLong(fee -> fee.total(data)).reduce(0, Math::addExact);
	}

	public List<Letter> letters() {
		return letters;
	}

	public Optional<Letter> letter(String id) {
		return letters.stream().filter(l -> l.id().equals(id)).findFirst();
	}

	public Workflow workflow() {
		return workflow;
	}

	public List<DeficiencyReason> deficiencyReasons() {
		return deficiencyReasons;
	}

	/** The definition as published (a copy), for showing and for storing next to the source text. */
	public JsonNode definition() {
		return definition.deepCopy();
	}

	/** Checks case data received on {@code applicationDate}; problem paths start with {@code data.}. */
	public CheckedData check(JsonNode data, LocalDate applicationDate) {
		return FormCheck.check(shape, rules, byPath, data, java.util.Objects.requireNonNull(applicationDate));
	}

	public List<Problem> validate(JsonNode data, LocalDate applicationDate) {
		return check(data, applicationDate).problems();
	}

	/** The same for data held as maps, lists, strings, numbers and booleans (as a JSON parser yields them). */
	public List<Problem> validate(Map<String, ?> data, LocalDate applicationDate) {
		JsonNode tree = data == null ? null : JSON.valueToTree(data);
		return validate(tree, applicationDate);
	}

	/** The canonical form of valid data (see the README for each type); invalid data throws {@link InvalidInput}. */
	public ObjectNode normalise(JsonNode data, LocalDate applicationDate) {
		var checked = check(data, applicationDate);
		if (!checked.valid()) {
			throw new InvalidInput(checked.problems());
		}
		return checked.data();
	}

	/**
	 * The date in a date or era-date field of (valid) case data, by a concrete path such as
	 * {@code applicant.birthDate} or {@code members[1].birthDate}. Era dates are stored as the resident wrote
	 * them; this is where they become dates.
	 */
	public Optional<LocalDate> date(JsonNode data, String path) {
		Field field = byPath.get(path.replaceAll("\\[\\d+]", "[]"));
		JsonNode value = DataPath.at(data, path);
		if (field == null || !field.type().isDate() || value == null || !value.isString()) {
			return Optional.empty();
		}
		return Optional.of(field.type() == FieldType.DATE ? LocalDate.parse(value.asString())
				: WarekiDate.parseIsoOrWareki(value.asString()));
	}

	@Override
	public String toString() {
		return "Procedure[" + id + " v" + version + "]";
	}

	private static void flatten(List<Field> form, String prefix, List<FormField> flat, Map<String, Field> paths) {
		for (Field field : form) {
			String path = prefix + field.path();
			List<String> options = field.type() == FieldType.CHOICE ? field.options().stream().map(Field.Option::value).toList() : null;
			flat.add(new FormField(path, field.type(), field.required(), field.label(), field.maxLength(), options,
					field.minItems(), field.maxItems()));
			paths.put(path, field);
			if (field.type() == FieldType.GROUP) {
				flatten(field.fields(), path + "[].", flat, paths);
			}
		}
	}
}
