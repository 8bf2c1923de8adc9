package org.madoguchi.procedures;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** States and transitions of a procedure, as checked when the definition was read: every state is reachable. */
public record Workflow(State initial, List<State> states, List<Transition> transitions) {

	public Workflow {
		states = List.copyOf(states);
		transitions = List.copyOf(transitions);
	}

	public Optional<State> state(String id) {
		return states.stream().filter(s -> s.id().equals(id)).findFirst();
	}

	public Optional<Transition> transition(String id) {
		return transitions.stream().filter(t -> t.id().equals(id)).findFirst();
	}

	/** The transitions that may be taken from a state, in definition order. */
	public List<Transition> transitionsFrom(String state) {
		return transitions.stream().filter(t -> t.leaves(state)).toList();
	}

	/** The work queues named by states, in definition order. */
	public Set<String> queues() {
		var queues = new LinkedHashSet<String>();
		states.stream().filter(s -> s.queue() != null).forEach(s -> queues.add(s.queue()));
		return queues;
	}
}
