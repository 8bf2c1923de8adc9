package org.madoguchi.payments;

import org.madoguchi.japan.ZenginText;

/**
 * A bank in the bank master. {@code name} is the zengin-code data set's display name, which leaves out
 * the word 銀行 (みずほ, 三菱ＵＦＪ); {@code kana} is the reading a Zengin record carries.
 */
public record Bank(String code, String name, ZenginText kana) {
}
