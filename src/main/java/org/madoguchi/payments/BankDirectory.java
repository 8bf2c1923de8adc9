package org.madoguchi.payments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.JapanPostAccount;
import org.madoguchi.japan.ZenginText;

/**
 * The bank master: every bank and branch by its Zengin code, with the display name and the half-width
 * reading that a transfer file writes next to the code. The data is the zengin-code data set (MIT licence),
 * shipped in {@code resources/payments/zengin-code/} and refreshed by {@code scripts/refresh-bank-master}.
 *
 * <p>It is read-only reference data, so it is read once, on first use, and shared; about 30,000 branches
 * take a fraction of a second and a few megabytes.
 */
public final class BankDirectory {

	public static final String UNKNOWN_BANK = "unknown_bank";
	public static final String UNKNOWN_BRANCH = "unknown_branch";

	static final String SHIPPED = "/payments/zengin-code/banks.tsv.gz";

	private final String version;
	private final Map<String, Bank> banks;
	private final Map<String, Branch> branches;

	private BankDirectory(String version, Map<String, Bank> banks, Map<String, Branch> branches) {
		this.version = version;
		this.banks = Map.copyOf(banks);
		this.branches = Map.copyOf(branches);
	}

	/** The directory shipped with the application, read on the first call. */
	public static BankDirectory shipped() {
		return Shipped.DIRECTORY;
	}

	/** The zengin-code package version the data came from, as 1.0.0-p20260824. */
	public String version() {
		return version;
	}

	public int bankCount() {
		return banks.size();
	}

	public int branchCount() {
		return branches.size();
	}

	/** The bank with this 4-digit code, if the master has it; a malformed code is refused rather than not found. */
	public Optional<Bank> bank(String bankCode) {
		return Optional.ofNullable(banks.get(NumericField.digits(bankCode, 4, 4, "bank code")));
	}

	public Optional<Branch> branch(String bankCode, String branchCode) {
		NumericField.digits(bankCode, 4, 4, "bank code");
		NumericField.digits(branchCode, 3, 3, "branch code");
		return Optional.ofNullable(branches.get(bankCode + branchCode));
	}

	/** An account with the master's names filled in; a bank or branch the master lacks is refused. */
	public BankAccount account(String bankCode, String branchCode, AccountType type, String number) {
		Bank bank = bank(bankCode).orElseThrow(() -> new InvalidValue(UNKNOWN_BANK, "no bank has this code"));
		Branch branch = branch(bankCode, branchCode)
				.orElseThrow(() -> new InvalidValue(UNKNOWN_BRANCH, "the bank has no branch with this code"));
		return new BankAccount(bankCode, bank.kana(), branchCode, branch.kana(), type, number);
	}

	/** A Japan Post Bank account as other banks transfer to it. */
	public BankAccount account(JapanPostAccount account) {
		return account(account.bankCode(), account.branchCode(), AccountType.ofCode(account.accountTypeCode()),
				account.accountNumber());
	}

	/**
	 * Reads the compact form written by the refresh script: gzip'd UTF-8 lines of tab-separated code, name
	 * and full-width reading; a 4-digit code is a bank, a 7-digit one a branch (bank code + branch code).
	 * The first line names the source version.
	 */
	static BankDirectory read(InputStream gzipped) throws IOException {
		var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8));
		String first = reader.readLine();
		if (first == null || !first.startsWith("#zengin-code\t")) {
			throw new IOException("not a bank master file: the first line must name its zengin-code version");
		}
		Map<String, Bank> banks = new HashMap<>(2048);
		Map<String, Branch> branches = new HashMap<>(65536);
		int lineNumber = 1;
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			lineNumber++;
			String[] fields = line.split("\t", -1);
			if (fields.length != 3) {
				throw new IOException("bank master line " + lineNumber + " does not have 3 fields");
			}
			String code = fields[0];
			ZenginText kana = reading(fields[2], lineNumber);
			if (code.length() == 4) {
				banks.put(code, new Bank(code, fields[1], kana));
			} else if (code.length() == 7 && banks.containsKey(code.substring(0, 4))) {
				branches.put(code, new Branch(code.substring(0, 4), code.substring(4), fields[1], kana));
			} else {
				throw new IOException("bank master line " + lineNumber + " has a code that is neither a bank nor a known bank's branch");
			}
		}
		return new BankDirectory(first.substring(first.indexOf('\t') + 1), banks, branches);
	}

	/** The published readings are full-width katakana; a reading that cannot be converted is a data error. */
	private static ZenginText reading(String kana, int lineNumber) throws IOException {
		try {
			return ZenginText.of(kana);
		} catch (InvalidValue e) {
			throw new IOException("bank master line " + lineNumber + ": " + e.getMessage(), e);
		}
	}

	/** Holder idiom: the JVM loads this class, and so reads the file, once and only when first asked. */
	private static final class Shipped {

		static final BankDirectory DIRECTORY = load();

		private static BankDirectory load() {
			try (InputStream in = BankDirectory.class.getResourceAsStream(SHIPPED)) {
				if (in == null) {
					throw new IllegalStateException("the bank master " + SHIPPED + " is missing from the class path");
				}
				return read(in);
			} catch (IOException e) {
				throw new UncheckedIOException("the bank master " + SHIPPED + " cannot be read", e);
			}
		}
	}
}
