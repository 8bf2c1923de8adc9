package org.madoguchi.benefits;

import java.awt.image.BufferedImage;

/**
 * Reads a numeric QR code of version 1 (21 × 21 modules) from a clean image, the way ISO/IEC 18004 lays it
 * out: format information, unmasking, the zigzag placement of codewords, numeric-mode segments. Written from
 * the standard for the tests, with no code shared with the encoder, so a form's QR code is checked by reading
 * it and not by drawing it again. Error correction is not needed on a rendered image and is not attempted.
 */
final class QrReading {

	private QrReading() {
	}

	static String numeric(BufferedImage image) {
		boolean[][] modules = sample(image);
		int size = modules.length;
		if (size != 21) {
			throw new IllegalArgumentException("only version 1 is read here, not " + size + " modules");
		}
		int format = 0;
		int[][] formatPositions = { {8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4}, {8, 5}, {8, 7}, {8, 8}, {7, 8}, {5, 8}, {4, 8}, {3, 8},
				{2, 8}, {1, 8}, {0, 8} };
		for (int i = 0; i < 15; i++) {
			if (modules[formatPositions[i][1]][formatPositions[i][0]]) {
				format |= 1 << i;
			}
		}
		format ^= 0x5412;
		int level = format >> 13; // 1 = L, 0 = M, 3 = Q, 2 = H
		int mask = (format >> 10) & 7;
		int dataCodewords = switch (level) {
			case 1 -> 19;
			case 0 -> 16;
			case 3 -> 13;
			default -> 9;
		};
		byte[] codewords = new byte[26];
		int bit = 0;
		for (int right = size - 1; right >= 1; right -= 2) {
			if (right == 6) {
				right = 5;
			}
			boolean upward = ((right + 1) & 2) == 0;
			for (int vert = 0; vert < size; vert++) {
				int y = upward ? size - 1 - vert : vert;
				for (int j = 0; j < 2; j++) {
					int x = right - j;
					if (function(x, y, size) || bit >= 26 * 8) {
						continue;
					}
					if (modules[y][x] ^ masked(mask, x, y)) {
						codewords[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
					}
					bit++;
				}
			}
		}
		return segments(codewords, dataCodewords);
	}

	private static String segments(byte[] codewords, int dataCodewords) {
		var bits = new Bits(codewords, dataCodewords * 8);
		if (bits.read(4) != 0b0001) {
			throw new IllegalArgumentException("not a numeric segment");
		}
		int count = bits.read(10);
		var digits = new StringBuilder();
		while (count >= 3) {
			digits.append("%03d".formatted(bits.read(10)));
			count -= 3;
		}
		if (count == 2) {
			digits.append("%02d".formatted(bits.read(7)));
		} else if (count == 1) {
			digits.append(bits.read(4));
		}
		return digits.toString();
	}

	private static final class Bits {
		private final byte[] bytes;
		private final int length;
		private int position;

		Bits(byte[] bytes, int length) {
			this.bytes = bytes;
			this.length = length;
		}

		int read(int n) {
			if (position + n > length) {
				throw new IllegalArgumentException("segment runs past the data codewords");
			}
			int value = 0;
			for (int i = 0; i < n; i++, position++) {
				value = value << 1 | ((bytes[position >>> 3] >>> (7 - (position & 7))) & 1);
			}
			return value;
		}
	}

	/** Finder patterns with their separators and format areas, and the two timing lines (version 1 has no alignment pattern). */
	private static boolean function(int x, int y, int size) {
		return (x < 9 && y < 9) || (x >= size - 8 && y < 9) || (x < 9 && y >= size - 8) || x == 6 || y == 6;
	}

	private static boolean masked(int mask, int x, int y) {
		return switch (mask) {
			case 0 -> (x + y) % 2 == 0;
			case 1 -> y % 2 == 0;
			case 2 -> x % 3 == 0;
			case 3 -> (x + y) % 3 == 0;
			case 4 -> (x / 3 + y / 2) % 2 == 0;
			case 5 -> x * y % 2 + x * y % 3 == 0;
			case 6 -> (x * y % 2 + x * y % 3) % 2 == 0;
			default -> ((x + y) % 2 + x * y % 3) % 2 == 0;
		};
	}

	/** The module grid: the top-left finder's first row is 7 modules wide, which gives the module size. */
	private static boolean[][] sample(BufferedImage image) {
		int left = -1;
		int top = -1;
		for (int y = 0; y < image.getHeight() && top < 0; y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if (dark(image, x, y)) {
					left = x;
					top = y;
					break;
				}
			}
		}
		if (top < 0) {
			throw new IllegalArgumentException("blank image");
		}
		int run = 0;
		while (left + run < image.getWidth() && dark(image, left + run, top)) {
			run++;
		}
		double module = run / 7.0;
		int right = image.getWidth() - 1;
		while (!dark(image, right, top)) {
			right--;
		}
		int size = (int) Math.round((right - left + 1) / module);
		var modules = new boolean[size][size];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				modules[y][x] = dark(image, (int) (left + (x + 0.5) * module), (int) (top + (y + 0.5) * module));
			}
		}
		return modules;
	}

	private static boolean dark(BufferedImage image, int x, int y) {
		int rgb = image.getRGB(x, y);
		return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) < 3 * 128;
	}
}
