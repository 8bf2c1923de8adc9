package org.madoguchi.platform;

import org.madoguchi.platform.database.DatabaseConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether to load the demo tenants and accounts: always on the embedded database, and on an external
 * one only when MADOGUCHI_DEMO=true says so (a production database must never get demo passwords).
 */
@Component
public class DemoData {

	private final boolean enabled;

	DemoData(DatabaseConnection connection, @Value("${madoguchi.demo:}") String demo) {
		this.enabled = demo.isBlank() ? connection.embedded() : Boolean.parseBoolean(demo.strip());
	}

	public boolean enabled() {
		return enabled;
	}
}
