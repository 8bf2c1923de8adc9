package madoguchi.bench;

import java.util.Arrays;

/** The figure every table of the benchmarks reports: the median of repeated runs. */
final class Medians {

	private Medians() {
	}

	static double of(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		var sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}
}
