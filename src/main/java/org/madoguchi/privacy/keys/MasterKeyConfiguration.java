package org.madoguchi.privacy.keys;

import java.nio.file.Path;

import org.madoguchi.platform.database.DatabaseConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

	@Bean
	MasterKeys masterKeys(@Value("${madoguchi.master-key:}") String key, @Value("${madoguchi.master-key-previous:}") String previous,
			@Value("${madoguchi.data-dir}") Path dataDir, DatabaseConnection database) {
		return MasterKeySource.load(key, previous, database.embedded(), dataDir);
	}
}
