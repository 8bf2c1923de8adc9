package org.madoguchi.platform.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.beans.factory.DisposableBean;

/** Owns the embedded server's lifetime: started when first asked for, stopped with the application. */
public class EmbeddedPostgresHolder implements DisposableBean {

	private EmbeddedPostgres postgres;

	synchronized EmbeddedPostgres start(Path dataDir) throws IOException {
		if (postgres == null) {
			postgres = EmbeddedPostgres.start(dataDir);
		}
		return postgres;
	}

	/** The running embedded server, if this app started one. */
	public synchronized Optional<EmbeddedPostgres> running() {
		return Optional.ofNullable(postgres);
	}

	@Override
	public synchronized void destroy() {
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
	}
}
