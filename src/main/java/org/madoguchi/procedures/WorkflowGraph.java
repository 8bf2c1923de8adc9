package org.madoguchi.procedures;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.madoguchi.platform.Problem;

/**
 * The shape checks of a workflow: every state reachable from the initial one, a terminal state to end in,
 * and from every state a way to one. A case stuck in a state nobody can leave is a case lost.
 */
final class WorkflowGraph {

	private final Workflow workflow;

	WorkflowGraph(Workflow workflow) {
		this.workflow = workflow;
	}

	void check(DefinitionNode statesNode, List<Problem> problems) {
		var states = workflow.states();
		if (states.stream().noneMatch(State::terminal)) {
			statesNode.problem("no_terminal");
			return;
		}
		Set<String> reachable = reachableFrom(workflow.initial().id());
		Set<String> finishing = finishing();
		for (int i = 0; i < states.size(); i++) {
			State state = states.get(i);
			String path = statesNode.path() + "[" + i + "]";
			if (!reachable.contains(state.id())) {
				problems.add(Problem.of(path, "unreachable"));
			} else if (!state.terminal() && workflow.transitionsFrom(state.id()).isEmpty()) {
				problems.add(Problem.of(path, "dead_end"));
			} else if (!finishing.contains(state.id())) {
				problems.add(Problem.of(path, "cannot_finish"));
			}
		}
	}

	private Set<String> reachableFrom(String start) {
		Set<String> seen = new HashSet<>(Set.of(start));
		var queue = new ArrayDeque<String>(seen);
		while (!queue.isEmpty()) {
			for (Transition t : workflow.transitionsFrom(queue.poll())) {
				if (seen.add(t.to())) {
					queue.add(t.to());
				}
			}
		}
		return seen;
	}

	/** States from which some terminal state can be reached, found by walking transitions backwards. */
	private Set<String> finishing() {
		Set<String> seen = new HashSet<>();
		workflow.states().stream().filter(State::terminal).forEach(s -> seen.add(s.id()));
		var queue = new ArrayDeque<String>(seen);
		while (!queue.isEmpty()) {
			String target = queue.poll();
			for (Transition t : workflow.transitions()) {
				if (t.to().equals(target)) {
					t.from().stream().filter(seen::add).forEach(queue::add);
				}
			}
		}
		return seen;
	}
}
