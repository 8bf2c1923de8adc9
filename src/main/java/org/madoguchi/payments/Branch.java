package org.madoguchi.payments;

import org.madoguchi.japan.ZenginText;

/** A branch of a bank in the bank master: code, display name, and the reading a Zengin record carries. */
public record Branch(String bankCode, String code, String name, ZenginText kana) {
}
