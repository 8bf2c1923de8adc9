package org.madoguchi.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

/**
 * The PostgreSQL server binaries shipped in zonky's jar, unpacked once per machine into the temp folder
 * and shared by every run (the app, each test JVM). Unpacking goes to a fresh folder that is then renamed,
 * so two JVMs starting together never see a half-written tree.
 */
final class PostgresBinaries {

	private PostgresBinaries() {
	}

	static Path unpacked() throws IOException {
		byte[] archive;
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64")) {
			archive = in.readAllBytes();
		}
		String digest = sha256(archive).substring(0, 16);
		Path target = Path.of(System.getProperty("java.io.tmpdir"), "madoguchi-postgres-" + digest);
		if (Files.isExecutable(target.resolve("bin/postgres"))) {
			return target;
		}
		Path staging = Files.createTempDirectory(target.getParent(), "madoguchi-postgres-unpack-");
		try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(new java.io.ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path out = staging.resolve(entry.getName()).normalize();
				if (!out.startsWith(staging)) {
					throw new IOException("archive entry escapes its folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(out);
				} else if (entry.isSymbolicLink()) {
					Files.createDirectories(out.getParent());
					Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
				} else {
					Files.createDirectories(out.getParent());
					Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0100) != 0) {
						Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
					}
				}
			}
		}
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException lostRace) {
			if (!Files.isExecutable(target.resolve("bin/postgres"))) {
				throw lostRace;
			}
		}
		return target;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
