package org.madoguchi.privacy;

import java.util.concurrent.ThreadLocalRandom;

import org.madoguchi.japan.MyNumber;

/** Valid My Numbers no other test uses, so finding one in the database can only mean this test put it there. */
final class MyNumbers {

	private MyNumbers() {
	}

	static String random() {
		var digits = new StringBuilder();
		for (int i = 0; i < 11; i++) {
			digits.append(ThreadLocalRandom.current().nextInt(10));
		}
		return digits.toString() + MyNumber.checkDigit(digits.toString());
	}
}
