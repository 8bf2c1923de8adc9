package org.madoguchi.casework;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.madoguchi.procedures.FieldType;
import org.madoguchi.procedures.FormField;
import org.madoguchi.procedures.Procedure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An import file's header read as field paths of a procedure, and its rows turned into case data. A cell is
 * text, but case data types amounts and yes/no strictly, so those are converted by the field's type; group
 * items are numbered columns ({@code members[0].name}) and a bank account has one column per part
 * ({@code refund.bankCode}).
 */
final class CsvColumns {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final Set<String> ACCOUNT_PARTS = Set.of("bankCode", "branchCode", "accountType", "accountNumber", "holderKana");
	private static final Pattern INDEX = Pattern.compile("\\[(0|[1-9]\\d{0,3})]");
	private static final Pattern AMOUNT = Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)");

	/** One column: its place in the row, its path as written, and the type its cells are read as. */
	private record Column(int index, String path, FieldType type) {
	}

	/** Case data built from one row, with what could not be converted (paths start with {@code data.}). */
	record Converted(ObjectNode data, List<Problem> problems) {
	}

	private final List<Column> columns;
	/** Columns by path, so equal content makes equal JSON whatever the column order (see CaseImport's keys). */
	private final List<Column> byPath;

	private CsvColumns(List<Column> columns) {
		this.columns = List.copyOf(columns);
		this.byPath = columns.stream().sorted(Comparator.comparing(Column::path)).toList();
	}

	/** Reads the header; every unusable name is reported (as {@code header[i]}, counted from 0) before any row is read. */
	static CsvColumns of(Procedure procedure, List<String> header) {
		var problems = new InvalidInput.Collector();
		var columns = new ArrayList<Column>();
		var seen = new HashSet<String>();
		for (int i = 0; i < header.size(); i++) {
			String path = header.get(i).strip();
			String at = "header[" + i + "]";
			if (path.isEmpty()) {
				problems.add(at, "required");
			} else if (!seen.add(path)) {
				problems.add(at, "duplicate");
			} else {
				FieldType type = type(procedure, path);
				if (type == null) {
					problems.add(at, "unknown_field");
				} else if (!indexesFit(procedure, path)) {
					problems.add(at, "out_of_range");
				} else {
					columns.add(new Column(i, path, type));
				}
			}
		}
		problems.throwIfAny();
		return new CsvColumns(columns);
	}

	int size() {
		return columns.size();
	}

	String path(int column) {
		return columns.get(column).path();
	}

	/** The case data of a row that has exactly one cell per column; blank cells are left out as not given. */
	Converted data(List<String> cells) {
		ObjectNode data = NODES.objectNode();
		var problems = new ArrayList<Problem>();
		for (Column column : byPath) {
			String cell = cells.get(column.index());
			if (cell.isBlank()) {
				continue;
			}
			JsonNode value = switch (column.type()) {
				case AMOUNT -> amount(cell);
				case BOOLEAN -> yesNo(cell);
				default -> NODES.stringNode(cell);
			};
			if (value == null) {
				problems.add(Problem.of("data." + column.path(), "format"));
			} else {
				place(data, column.path(), value);
			}
		}
		return new Converted(data, problems);
	}

	/** The type a column fills: a field that holds one value, or a part of a bank account (typed as text). */
	private static FieldType type(Procedure procedure, String path) {
		if (path.contains("[]")) {
			return null; // an item needs its number
		}
		String template = INDEX.matcher(path).replaceAll("[]");
		var field = procedure.field(template).map(FormField::type);
		if (field.isPresent()) {
			return field.get() == FieldType.GROUP || field.get() == FieldType.BANK_ACCOUNT ? null : field.get();
		}
		int dot = template.lastIndexOf('.');
		boolean accountPart = dot > 0 && ACCOUNT_PARTS.contains(template.substring(dot + 1))
				&& procedure.field(template.substring(0, dot)).filter(f -> f.type() == FieldType.BANK_ACCOUNT).isPresent();
		return accountPart ? FieldType.TEXT : null;
	}

	/** Item numbers must stay below their group's maxItems, which also bounds the arrays a row can build. */
	private static boolean indexesFit(Procedure procedure, String path) {
		var matcher = INDEX.matcher(path);
		while (matcher.find()) {
			String group = INDEX.matcher(path.substring(0, matcher.start())).replaceAll("[]");
			Integer max = procedure.field(group).map(FormField::maxItems).orElse(null);
			if (max == null || Integer.parseInt(matcher.group(1)) >= max) {
				return false;
			}
		}
		return true;
	}

	/** Whole yen, as typed or as a spreadsheet formats it (1,000, full-width digits); the range is the form's to judge. */
	private static JsonNode amount(String cell) {
		String text = fold(cell.strip());
		return AMOUNT.matcher(text).matches() ? NODES.numberNode(new BigInteger(text.replace(",", ""))) : null;
	}

	private static JsonNode yesNo(String cell) {
		return switch (fold(cell.strip()).toLowerCase(Locale.ROOT)) {
			case "true", "1", "はい" -> NODES.booleanNode(true);
			case "false", "0", "いいえ" -> NODES.booleanNode(false);
			default -> null;
		};
	}

	/** Full-width digits and commas as ASCII; by hand, since NFKC would also rewrite ideographs (the project forbids it). */
	private static String fold(String text) {
		var folded = new StringBuilder(text.length());
		text.chars().forEach(c -> folded.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c == '，' ? ',' : (char) c));
		return folded.toString();
	}

	/** Sets a value at a dotted path, creating objects and group items on the way; earlier items stay as empty objects. */
	private static void place(ObjectNode data, String path, JsonNode value) {
		String[] segments = path.split("\\.");
		ObjectNode node = data;
		for (int i = 0; i < segments.length - 1; i++) {
			node = child(node, segments[i]);
		}
		node.set(segments[segments.length - 1], value);
	}

	private static ObjectNode child(ObjectNode parent, String segment) {
		int bracket = segment.indexOf('[');
		if (bracket < 0) {
			return parent.has(segment) ? (ObjectNode) parent.get(segment) : parent.putObject(segment);
		}
		String name = segment.substring(0, bracket);
		int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
		ArrayNode items = parent.has(name) ? (ArrayNode) parent.get(name) : parent.putArray(name);
		while (items.size() <= index) {
			items.addObject();
		}
		return (ObjectNode) items.get(index);
	}
}
