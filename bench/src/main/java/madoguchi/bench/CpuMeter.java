package madoguchi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent on a run, which other load on the machine disturbs far less than throughput: this JVM's
 * (only one engine works at a time), the embedded server's processes per database (from /proc, children of
 * the postmaster; its background writers under "server"), and how busy the whole machine was.
 */
final class CpuMeter {

	private static final double TICK_MILLIS = 10; // USER_HZ is 100 on Linux
	private final long postmaster;

	record Reading(long jvmNanos, Map<String, Long> postgresTicks, long machineBusy, long machineTotal) {
	}

	record Used(double jvmMillis, Map<String, Double> postgresMillis, double machineBusyShare) {

		double postgres(String database) {
			return postgresMillis.getOrDefault(database, 0.0) + postgresMillis.getOrDefault("server", 0.0);
		}
	}

	CpuMeter(Path pgDataDirectory) throws IOException {
		this.postmaster = Long.parseLong(Files.readAllLines(pgDataDirectory.resolve("postmaster.pid")).getFirst().strip());
	}

	Reading read() {
		var ticks = new HashMap<String, Long>();
		try (var processes = Files.list(Path.of("/proc"))) {
			processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
				try {
					String stat = Files.readString(p.resolve("stat"));
					// the command name may hold spaces and parentheses: fields are counted after its closing one
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long pid = Long.parseLong(p.getFileName().toString());
					if (Long.parseLong(fields[1]) != postmaster && pid != postmaster) {
						return;
					}
					long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					ticks.merge(owner(p), used, Long::sum);
				} catch (IOException | RuntimeException gone) {
					// the process ended while we looked
				}
			});
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
		long busy = 0;
		long total = 0;
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
			for (int i = 1; i < cpu.length && i <= 8; i++) {
				long value = Long.parseLong(cpu[i]);
				total += value;
				if (i != 4 && i != 5) {
					busy += value;
				}
			}
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		return new Reading(os.getProcessCpuTime(), ticks, busy, total);
	}

	/** "postgres: flowable flowable 127.0.0.1(4711) idle" is a backend of database flowable; the rest is the server. */
	private static String owner(Path process) throws IOException {
		String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ').strip();
		String[] words = command.split(" ");
		return words.length >= 4 && words[0].equals("postgres:") && words[3].contains("(") ? words[2] : "server";
	}

	static Used between(Reading before, Reading after) {
		var millis = new HashMap<String, Double>();
		after.postgresTicks().forEach((owner, ticks) -> millis.put(owner, (ticks - before.postgresTicks().getOrDefault(owner, 0L)) * TICK_MILLIS));
		long total = after.machineTotal() - before.machineTotal();
		return new Used((after.jvmNanos() - before.jvmNanos()) / 1e6, millis,
				total == 0 ? 0 : (after.machineBusy() - before.machineBusy()) / (double) total);
	}
}
