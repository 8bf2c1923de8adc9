package org.madoguchi.procedures;

/**
 * A state of a case. A state with a {@code queue} is a step staff work on from that work queue;
 * {@code pausesSla} stops the clock while the case waits on the resident.
 */
public record State(String id, LocalizedText name, String queue, boolean pausesSla, boolean terminal) {
}
