package org.madoguchi.audit;

/** A chain's newest link as the head table records it; an absent head is a chain with no entries. */
record Head(long seq, byte[] hash) {

	static final Head EMPTY = new Head(0, ChainHash.GENESIS);
}
