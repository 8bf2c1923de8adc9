package org.madoguchi.procedures;

import java.io.StringReader;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.madoguchi.platform.InvalidInput;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the text of a definition into a JSON tree, safely: an administrator's upload is still untrusted input.
 * YAML is only composed (never constructed into Java objects), so no tag can instantiate a class; aliases,
 * nesting and length are capped, and the tree is counted while aliases are expanded, so a "billion laughs"
 * document stops early. Plain scalars follow YAML 1.2: only true/false are booleans, so {@code no} stays text.
 */
final class DefinitionText {

	static final int MAX_CHARS = 1 << 20;
	static final int MAX_DEPTH = 40;
	static final int MAX_NODES = 50_000;
	private static final int MAX_ALIASES = 20;
	private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]{0,17})");
	private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
	private static final Set<Tag> SCALARS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MERGE);
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

	enum Format {
		YAML, JSON;

		/** YAML unless the content type says JSON; empty for types that are neither, such as a form post. */
		static Optional<Format> ofContentType(String contentType) {
			if (contentType == null || contentType.isBlank()) {
				return Optional.of(YAML);
			}
			String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
			if (type.equals("application/json") || type.endsWith("+json")) {
				return Optional.of(JSON);
			}
			return switch (type) {
				case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain" -> Optional.of(YAML);
				default -> Optional.empty();
			};
		}

		String wire() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	private int nodes;
	private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());

	private DefinitionText() {
	}

	/** The tree of a definition; problems are reported at path {@code body}. */
	static ObjectNode read(String text, Format format) {
		if (text == null || text.isBlank()) {
			throw new InvalidInput("body", "required");
		}
		if (text.length() > MAX_CHARS) {
			throw new InvalidInput("body", "too_large", "1 MB");
		}
		JsonNode tree = format == Format.JSON ? json(text) : new DefinitionText().yaml(text);
		if (tree == null || !tree.isObject()) {
			throw new InvalidInput("body", "type");
		}
		return (ObjectNode) tree;
	}

	private static JsonNode json(String text) {
		try {
			JsonNode tree = JSON.readTree(text);
			if (count(tree) > MAX_NODES) {
				throw tooComplex();
			}
			return tree;
		} catch (StreamConstraintsException e) {
			throw tooComplex();
		} catch (StreamReadException e) {
			var at = e.getLocation();
			throw new InvalidInput("body", "syntax", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
		} catch (JacksonException e) {
			throw new InvalidInput("body", "syntax", 0, 0);
		}
	}

	private JsonNode yaml(String text) {
		var options = new LoaderOptions();
		options.setMaxAliasesForCollections(MAX_ALIASES);
		options.setNestingDepthLimit(MAX_DEPTH);
		options.setCodePointLimit(MAX_CHARS);
		options.setAllowRecursiveKeys(false);
		options.setProcessComments(false);
		try {
			Node root = new Yaml(options).compose(new StringReader(text));
			return root == null ? null : convert(root);
		} catch (MarkedYAMLException e) {
			var mark = e.getProblemMark();
			if (e instanceof ComposerException && e.getProblem() != null && e.getProblem().startsWith("Global tag")) {
				// SnakeYAML's own guard against tags naming Java classes got there first
				throw new InvalidInput("body", "unsupported_tag", mark == null ? 0 : mark.getLine() + 1);
			}
			throw new InvalidInput("body", "syntax", mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1);
		} catch (YAMLException e) {
			// the limits above (aliases, depth, length) end up here; their messages may quote the document
			throw tooComplex();
		}
	}

	private JsonNode convert(Node node) {
		if (++nodes > MAX_NODES || !open.add(node)) {
			throw tooComplex();
		}
		try {
			if (node instanceof ScalarNode scalar) {
				if (!SCALARS.contains(scalar.getTag())) {
					throw unsupportedTag(node);
				}
				return scalar(scalar);
			}
			if (node instanceof SequenceNode sequence && sequence.getTag().equals(Tag.SEQ)) {
				var array = NODES.arrayNode();
				sequence.getValue().forEach(item -> array.add(convert(item)));
				return array;
			}
			if (node instanceof MappingNode mapping && mapping.getTag().equals(Tag.MAP)) {
				return object(mapping);
			}
			throw unsupportedTag(node);
		} finally {
			open.remove(node);
		}
	}

	private ObjectNode object(MappingNode mapping) {
		var object = NODES.objectNode();
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				throw new InvalidInput("body", "syntax", line(tuple.getKeyNode()), 0);
			}
			if (object.has(key.getValue())) {
				throw new InvalidInput("body", "duplicate_key", key.getValue(), line(key));
			}
			object.set(key.getValue(), convert(tuple.getValueNode()));
		}
		return object;
	}

	private static JsonNode scalar(ScalarNode scalar) {
		String value = scalar.getValue();
		Tag tag = scalar.getTag();
		if (tag.equals(Tag.NULL)) {
			return NODES.nullNode();
		}
		if (tag.equals(Tag.BOOL) && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
			return NODES.booleanNode(value.equalsIgnoreCase("true"));
		}
		if (tag.equals(Tag.INT) && INTEGER.matcher(value).matches()) {
			return NODES.numberNode(Long.parseLong(value));
		}
		if (tag.equals(Tag.FLOAT) && DECIMAL.matcher(value).matches()) {
			return NODES.numberNode(Double.parseDouble(value));
		}
		return NODES.stringNode(value);
	}

	private static int count(JsonNode node) {
		int total = 1;
		for (JsonNode child : node) {
			total += count(child);
		}
		return total;
	}

	private static int line(Node node) {
		return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
	}

	private static InvalidInput unsupportedTag(Node node) {
		return new InvalidInput("body", "unsupported_tag", line(node));
	}

	private static InvalidInput tooComplex() {
		return new InvalidInput("body", "too_complex", MAX_NODES, MAX_DEPTH, MAX_ALIASES);
	}
}
