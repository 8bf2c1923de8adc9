package org.madoguchi.procedures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.madoguchi.platform.Problem;
import org.madoguchi.platform.Role;

/**
 * Reads the {@code workflow}: states, transitions and their roles, with the legal line drawn here rather than
 * trusted to casework: a decision belongs to {@code MUNICIPAL_OFFICIAL} alone.
 */
final class WorkflowReader {

	private static final int MAX_STATES = 100;
	private static final int MAX_TRANSITIONS = 300;
	private static final Set<String> STATE_KEYS = Set.of("id", "name", "queue", "pausesSla", "terminal");
	private static final Set<String> TRANSITION_KEYS = Set.of("id", "name", "from", "to", "roles", "kind", "doubleKeying", "letter");

	private static final String ROLE_NAMES = String.join(", ", Arrays.stream(Role.values()).map(Role::name).toList());

	private final Map<String, Letter> letters;
	private final List<Problem> problems;

	WorkflowReader(Map<String, Letter> letters, List<Problem> problems) {
		this.letters = letters;
		this.problems = problems;
	}

	/** The workflow, or null when it has problems (they are collected). */
	Workflow read(DefinitionNode node) {
		int before = problems.size();
		if (!node.object(Set.of("initial", "states", "transitions"))) {
			if (!node.present()) {
				node.problem("required");
			}
			return null;
		}
		Map<String, State> states = new LinkedHashMap<>();
		for (var item : node.get("states").items(true, MAX_STATES)) {
			State state = state(item);
			if (state != null && states.putIfAbsent(state.id(), state) != null) {
				item.get("id").problem("duplicate");
			}
		}
		var transitions = new ArrayList<Transition>();
		var ids = new HashSet<String>();
		for (var item : node.get("transitions").items(true, MAX_TRANSITIONS)) {
			Transition transition = transition(item, states);
			if (transition != null && !ids.add(transition.id())) {
				item.get("id").problem("duplicate");
			} else if (transition != null) {
				transitions.add(transition);
			}
		}
		String initial = node.get("initial").id(true);
		if (initial != null && !states.containsKey(initial)) {
			node.get("initial").problem("unknown_state");
		} else if (initial != null && states.get(initial).terminal()) {
			node.get("initial").problem("initial_terminal");
		}
		if (problems.size() > before) {
			return null;
		}
		var workflow = new Workflow(states.get(initial), List.copyOf(states.values()), transitions);
		new WorkflowGraph(workflow).check(node.get("states"), problems);
		return problems.size() > before ? null : workflow;
	}

	private State state(DefinitionNode node) {
		int before = problems.size();
		if (!node.object(STATE_KEYS)) {
			if (!node.present()) {
				node.problem("required");
			}
			return null;
		}
		String id = node.get("id").id(true);
		LocalizedText name = node.get("name").localized(true);
		String queue = node.get("queue").id(false);
		boolean pausesSla = node.get("pausesSla").bool(false);
		boolean terminal = node.get("terminal").bool(false);
		if (terminal && queue != null) {
			node.get("queue").problem("not_allowed", "terminal");
		}
		return problems.size() > before ? null : new State(id, name, queue, pausesSla, terminal);
	}

	private Transition transition(DefinitionNode node, Map<String, State> states) {
		int before = problems.size();
		if (!node.object(TRANSITION_KEYS)) {
			if (!node.present()) {
				node.problem("required");
			}
			return null;
		}
		String id = node.get("id").id(true);
		LocalizedText name = node.get("name").localized(false);
		Set<String> from = new LinkedHashSet<>();
		var fromNode = node.get("from");
		var fromItems = fromNode.raw() != null && fromNode.raw().isArray() ? fromNode.items(true, MAX_STATES) : List.of(fromNode);
		for (var item : fromItems) {
			String state = item.id(true);
			if (state != null && !states.containsKey(state)) {
				item.problem("unknown_state");
			} else if (state != null && states.get(state).terminal()) {
				item.problem("terminal_exit");
			} else if (state != null) {
				from.add(state);
			}
		}
		String to = node.get("to").id(true);
		if (to != null && !states.containsKey(to)) {
			node.get("to").problem("unknown_state");
		}
		String kindName = node.get("kind").text(true);
		TransitionKind kind = kindName == null ? null : Terms.parse(TransitionKind.class, kindName).orElse(null);
		if (kindName != null && kind == null) {
			node.get("kind").problem("unknown_value", Terms.allowed(TransitionKind.class));
		}
		Set<Role> roles = roles(node.get("roles"), kind);
		boolean doubleKeying = node.get("doubleKeying").bool(false);
		if (doubleKeying && kind != null && kind != TransitionKind.KEYING) {
			node.get("doubleKeying").problem("not_allowed", kind.wire());
		}
		if (kind == TransitionKind.DEFICIENCY && to != null && states.containsKey(to) && !states.get(to).pausesSla()) {
			node.get("to").problem("deficiency_must_pause");
		}
		String letter = node.get("letter").id(false);
		if (letter != null && !letters.containsKey(letter)) {
			node.get("letter").problem("unknown_letter");
		}
		return problems.size() > before ? null
				: new Transition(id, from, to, roles, kind, doubleKeying, letter, name == null ? new LocalizedText(id, null) : name);
	}

	private Set<Role> roles(DefinitionNode list, TransitionKind kind) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (var item : list.items(true, Role.values().length)) {
			String name = item.text(true);
			Role role = name == null ? null : Role.parse(name).orElse(null);
			if (name != null && role == null) {
				item.problem("unknown_value", ROLE_NAMES);
			} else if (role != null && kind == TransitionKind.DECISION && role != Role.MUNICIPAL_OFFICIAL) {
				// 決定 is an act of the city: no operator role, nor an administrator, may be given it
				item.problem("decision_not_municipal");
			} else if (role != null) {
				roles.add(role);
			}
		}
		return roles;
	}
}
