package org.madoguchi.residents;

import java.util.Arrays;

/**
 * The resident ids an extract has had so far, so that a second row for one is refused with its line. A
 * {@code HashSet<String>} of a city's 1.5 million ids kept them alive as as many objects, which the
 * collector copied at every pause of the load: about half a second in all. Here they are characters in one
 * array, found through an open-addressing table of ints, so a pause has next to nothing to copy.
 */
final class SeenIds {

	private char[] chars = new char[1 << 12];
	private int used;
	/** Where the i-th id starts in {@link #chars}; it ends where the next one starts. */
	private int[] starts = new int[1 << 8];
	private int[] hashes = new int[1 << 8];
	private int count;
	/** 0 for a free slot, else the id's number plus one. At most half full. */
	private int[] slots = new int[1 << 9];
	/** 32 less the bits of a slot's index: slots are found by the top bits of a Fibonacci hash. */
	private int shift = 32 - 9;

	/** Adds the id; false if it was there already. */
	boolean add(String id) {
		int hash = id.hashCode();
		int mask = slots.length - 1;
		for (int at = slot(hash);; at = at + 1 & mask) {
			int slot = slots[at];
			if (slot == 0) {
				slots[at] = keep(id, hash) + 1;
				if (count * 2 > slots.length) {
					rehash();
				}
				return true;
			}
			if (hashes[slot - 1] == hash && same(slot - 1, id)) {
				return false;
			}
		}
	}

	int size() {
		return count;
	}

	private int keep(String id, int hash) {
		if (count + 1 >= starts.length) {
			starts = Arrays.copyOf(starts, starts.length * 2);
			hashes = Arrays.copyOf(hashes, hashes.length * 2);
		}
		if (used + id.length() > chars.length) {
			chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + id.length()));
		}
		id.getChars(0, id.length(), chars, used);
		starts[count] = used;
		hashes[count] = hash;
		used += id.length();
		starts[count + 1] = used;
		return count++;
	}

	private boolean same(int number, String id) {
		int start = starts[number];
		int length = starts[number + 1] - start;
		if (length != id.length()) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (chars[start + i] != id.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private void rehash() {
		slots = new int[slots.length * 2];
		shift--;
		int mask = slots.length - 1;
		for (int number = 0; number < count; number++) {
			int at = slot(hashes[number]);
			while (slots[at] != 0) {
				at = at + 1 & mask;
			}
			slots[at] = number + 1;
		}
	}

	/** Ids that differ in their last characters have string hashes that differ in their low bits only. */
	private int slot(int hash) {
		return hash * 0x9E3779B9 >>> shift;
	}
}
