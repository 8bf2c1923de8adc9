package madoguchi.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.madoguchi.benefits.Approvals;
import org.madoguchi.benefits.BenefitApplications;
import org.madoguchi.benefits.BenefitPayments;
import org.madoguchi.benefits.BenefitProgrammes;
import org.madoguchi.benefits.NewProgramme;
import org.madoguchi.platform.Role;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.residents.RegisterImport;
import org.postgresql.PGConnection;
import org.springframework.security.core.context.SecurityContextHolder;

/** One city through the pipeline, each step timed on its own. */
final class BenefitsRun {

	private final MadoguchiEngine app;
	private final String city;
	private final CityFiles.Register register;
	private final Path work;
	private final int applying;
	private final long started;

	BenefitsRun(MadoguchiEngine app, String city, CityFiles.Register register, Path work, int applying, long started) {
		this.app = app;
		this.city = city;
		this.register = register;
		this.work = work;
		this.applying = applying;
		this.started = started;
	}

	record Result(String city, double copySeconds, double registerSeconds, double snapshotSeconds, double applicationsSeconds,
			int applications, double approvalSeconds, double batchSeconds, double zenginSeconds, long households, long persons,
			StatusLoad.Result trivial, StatusLoad.Result status) {

		double pipelineSeconds() {
			return registerSeconds + snapshotSeconds + applicationsSeconds + approvalSeconds + batchSeconds + zenginSeconds;
		}

		static void print(List<Result> results) {
			System.out.println();
			System.out.println("city    COPY s  register s  snapshot s  applications s (rows)  approval s  batch s  Zengin s  pipeline s");
			for (var r : results) {
				System.out.printf(Locale.ROOT, "%s  %6.1f  %10.1f  %10.1f  %8.1f (%,9d)  %10.1f  %7.1f  %8.1f  %10.1f%n", r.city, r.copySeconds,
						r.registerSeconds, r.snapshotSeconds, r.applicationsSeconds, r.applications, r.approvalSeconds, r.batchSeconds,
						r.zenginSeconds, r.pipelineSeconds());
			}
			System.out.println();
			System.out.println("city    endpoint  requests  failures   per second   p50 ms   p99 ms   (32 clients)");
			for (var r : results) {
				for (var load : List.of(r.trivial, r.status)) {
					System.out.printf(Locale.ROOT, "%s  %-8s  %8d  %8d  %11.1f  %7.1f  %7.1f%n", r.city, load.name(), load.requests(),
							load.failures(), load.perSecond(), load.p50Millis(), load.p99Millis());
				}
			}
			System.out.printf(Locale.ROOT, "register_vs_copy=%.2f%n", Medians.of(results.stream().mapToDouble(r -> r.registerSeconds / r.copySeconds).toArray()));
			System.out.printf(Locale.ROOT, "pipeline_seconds=%.0f%n", Medians.of(results.stream().mapToDouble(Result::pipelineSeconds).toArray()));
			System.out.printf(Locale.ROOT, "status_vs_trivial=%.2f%n",
					Medians.of(results.stream().mapToDouble(r -> r.status.perSecond() / r.trivial.perSecond()).toArray()));
			System.out.printf(Locale.ROOT, "status_p99_ms=%.0f%n", Medians.of(results.stream().mapToDouble(r -> r.status.p99Millis()).toArray()));
		}
	}

	Result run() throws Exception {
		double copy = bareCopy();
		log("bare COPY of the register file: %.1f s", copy);
		double registerSeconds = timed(Role.ADMIN, Role.Organization.OPERATOR, () -> {
			try (InputStream in = Files.newInputStream(register.file())) {
				var result = app.bean(RegisterImport.class).run(city, null, null, in);
				if (!result.rejected().isEmpty() || result.accepted() != register.residents()) {
					throw new IllegalStateException("register import rejected " + result.rejected().size() + " rows");
				}
			}
			return null;
		});
		log("register import: %.1f s", registerSeconds);
		String programme = "bench-" + city;
		var programmes = app.bean(BenefitProgrammes.class);
		timed(Role.ADMIN, Role.Organization.OPERATOR, () -> programmes.create(city, new NewProgramme(programme, "特別定額給付金",
				CityFiles.REFERENCE_DATE, 100_000L, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 8, 31), false,
				new NewProgramme.PayerAccount("1234567890", "ｺｳﾍﾞｼ", "0001", "001", "1", "1234567"))));
		var eligibility = new Object[1];
		double snapshotSeconds = timed(Role.ADMIN, Role.Organization.OPERATOR, () -> eligibility[0] = programmes.snapshot(city, programme));
		var counts = (org.madoguchi.benefits.Eligibility) eligibility[0];
		log("snapshot: %,d households, %,d persons in %.1f s", counts.households(), counts.persons(), snapshotSeconds);
		Path forms = work.resolve("applications-" + city + ".csv");
		int rows = CityFiles.applications(forms, applicationNumbers(programme), applying);
		double applicationsSeconds = timed(Role.OPERATOR_CLERK, Role.Organization.OPERATOR, () -> {
			try (InputStream in = Files.newInputStream(forms)) {
				var result = app.bean(BenefitApplications.class).importMailed(city, programme, null, in);
				log("applications: %,d accepted, %,d created %s, %,d rejected", result.accepted(), result.created(), result.statuses(),
						result.rejected().size());
			}
			return null;
		});
		log("mailed applications: %,d rows in %.1f s", rows, applicationsSeconds);
		double approvalSeconds = timed(Role.MUNICIPAL_OFFICIAL, Role.Organization.MUNICIPALITY,
				() -> app.bean(Approvals.class).approveAll(city, programme, null));
		log("approval: %.1f s", approvalSeconds);
		var transferDate = org.madoguchi.japan.OfficeCalendar.standard().businessDayOnOrAfter(LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(3));
		var batch = new Object[1];
		double batchSeconds = timed(Role.MUNICIPAL_OFFICIAL, Role.Organization.MUNICIPALITY,
				() -> batch[0] = app.bean(BenefitPayments.class).prepare(city, programme, transferDate));
		var summary = (org.madoguchi.payments.BatchSummary) batch[0];
		log("payment batch: %,d transfers, ¥%,d in %.1f s", summary.count(), summary.total(), batchSeconds);
		Path zengin = work.resolve("zengin-" + city + ".txt");
		double zenginSeconds = timed(Role.MUNICIPAL_OFFICIAL, Role.Organization.MUNICIPALITY, () -> {
			try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(zengin), 1 << 16)) {
				app.bean(BenefitPayments.class).writeZengin(city, programme, summary.id(), out);
			}
			return null;
		});
		log("Zengin file: %,d bytes in %.1f s", Files.size(zengin), zenginSeconds);
		String base = "http://127.0.0.1:" + app.port();
		// the baseline: a static file through the same server and security filters, with no database behind it
		// (the health endpoint asks the database, so it is not trivial); both warmed up before they are timed
		var trivialUrls = List.of(base + "/css/portal.css");
		var statusUrls = statusUrls(base, programme);
		StatusLoad.run("warm-up", trivialUrls, CLIENTS, WARM_UP);
		StatusLoad.run("warm-up", statusUrls, CLIENTS, WARM_UP);
		var trivial = StatusLoad.run("trivial", trivialUrls, CLIENTS, LOAD_TIME);
		log("trivial endpoint: %.1f/s, p99 %.1f ms", trivial.perSecond(), trivial.p99Millis());
		var status = StatusLoad.run("status", statusUrls, CLIENTS, LOAD_TIME);
		log("status look-ups: %.1f/s, p99 %.1f ms, %d failures", status.perSecond(), status.p99Millis(), status.failures());
		return new Result(city, copy, registerSeconds, snapshotSeconds, applicationsSeconds, rows, approvalSeconds, batchSeconds,
				zenginSeconds, counts.households(), counts.persons(), trivial, status);
	}

	static final int CLIENTS = 32;
	static final java.time.Duration LOAD_TIME = java.time.Duration.ofSeconds(20);
	static final java.time.Duration WARM_UP = java.time.Duration.ofSeconds(5);

	/** Look-ups of households that applied, by their heads, as the portal's residents would ask. */
	private List<String> statusUrls(String base, String programme) throws Exception {
		var urls = new ArrayList<String>();
		try (var connection = app.postgres().superuserConnection(); var statement = connection.prepareStatement("""
				select h.application_number, m.birth_date from benefit_household h
				join benefit_member m on m.tenant_id = h.tenant_id and m.programme_id = h.programme_id
				    and m.resident_id = h.head_resident_id
				where h.tenant_id = ? and h.programme_id = ? order by random() limit 20000
				""")) {
			statement.setString(1, city);
			statement.setString(2, programme);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					urls.add(base + "/api/v1/portal/status?municipality=" + city + "&application=" + rows.getString(1) + "&birthDate="
							+ rows.getString(2));
				}
			}
		}
		return urls;
	}


	/** The physical floor: the same file into a table of 13 text columns, no index, no check, as the superuser. */
	private double bareCopy() throws Exception {
		try (var connection = app.postgres().superuserConnection(); var statement = connection.createStatement()) {
			String table = "bench_copy_" + city;
			statement.execute("drop table if exists " + table);
			statement.execute("create table " + table + " (" + String.join(", ",
					CityFiles.REGISTER_HEADER.split(",")).replace(",", " text,") + " text)");
			long start = System.nanoTime();
			try (InputStream in = Files.newInputStream(register.file())) {
				connection.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("copy " + table + " from stdin with (format csv, header true)", in);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			statement.execute("drop table " + table);
			return seconds;
		}
	}

	private List<String> applicationNumbers(String programme) throws Exception {
		var numbers = new ArrayList<String>();
		try (var connection = app.postgres().superuserConnection(); var statement = connection.prepareStatement(
				"select application_number from benefit_household where tenant_id = ? and programme_id = ? order by application_number")) {
			statement.setString(1, city);
			statement.setString(2, programme);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					numbers.add(rows.getString(1));
				}
			}
		}
		return numbers;
	}

	interface Step {
		Object run() throws Exception;
	}

	/** Runs a step as a signed-in member of staff with the city's scope open, as the API would; answers seconds. */
	private double timed(Role role, Role.Organization organization, Step step) throws Exception {
		MadoguchiEngine.signIn(MadoguchiEngine.staff("bench-" + role.name().toLowerCase(Locale.ROOT), role, organization, List.of(city)));
		long start = System.nanoTime();
		try (var scope = TenantScope.open(city)) {
			// the services open their own transactions, as they do under the API
			step.run();
			return (System.nanoTime() - start) / 1e9;
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void log(String format, Object... values) {
		BenefitsBenchmark.log(started, city + " " + format, values);
	}
}
