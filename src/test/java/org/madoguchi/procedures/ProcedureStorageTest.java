package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.audit.AuditFilter;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MadoguchiTest
class ProcedureStorageTest {

	@Autowired
	Procedures procedures;

	@Autowired
	AuditLog auditLog;

	@Autowired
	DataSource dataSource;

	private static String definition(String id, String name) {
		return Definitions.SAMPLE.replace("id: sample", "id: " + id).replace("見本の手続", name);
	}

	@Test
	void aPublishedVersionIsAuditedAndVisibleToItsOwnCityOnly() {
		String id = "stored-" + System.nanoTime();
		try (var osaka = TenantScope.open("271004")) {
			var published = procedures.publish("271004", definition(id, "大阪の手続"), "application/yaml");
			assertThat(published.version()).isEqualTo(1);
			assertThat(procedures.current("271004", id)).map(Procedure::name).map(LocalizedText::ja).contains("大阪の手続");
			var entries = auditLog.find("271004", new AuditFilter(null, null, null, "procedure.published", "procedure", id), 0, 10);
			assertThat(entries.items()).singleElement().satisfies(e -> assertThat(e.details()).containsEntry("version", "1"));
		}
		try (var kobe = TenantScope.open("281000")) {
			assertThat(procedures.current("281000", id)).isEmpty();
			assertThat(procedures.all("281000")).extracting(Procedure::id).doesNotContain(id);
			assertThat(JdbcClient.create(dataSource).sql("select count(*) from procedure_version where procedure_id = ?").param(id)
				.query(Long.class).single()).isZero();
		}
		assertThatThrownBy(() -> procedures.current("271004", id)).as("outside any scope").isInstanceOf(IllegalStateException.class);
	}

	@Test
	void publishedVersionsCanNeverBeChangedOrRemoved() {
		String id = "frozen-" + System.nanoTime();
		try (var scope = TenantScope.open("072079")) {
			procedures.publish("072079", definition(id, "凍結"), "application/yaml");
			var db = JdbcClient.create(dataSource);
			assertThatThrownBy(() -> db.sql("update procedure_version set source = 'x' where procedure_id = ?").param(id).update())
				.rootCause().hasMessageContaining("append-only");
			assertThatThrownBy(() -> db.sql("delete from procedure_version where procedure_id = ?").param(id).update())
				.rootCause().hasMessageContaining("append-only");
			assertThat(procedures.version("072079", id, 1)).isPresent();
		}
	}

	@Test
	void concurrentUploadsGetConsecutiveVersions() throws Exception {
		String id = "busy-" + System.nanoTime();
		var pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				String name = "同時" + i;
				Callable<Integer> upload = () -> TenantScope.call(List.of("281000"),
						() -> procedures.publish("281000", definition(id, name), "application/yaml").version());
				results.add(pool.submit(upload));
			}
			var versions = new ArrayList<Integer>();
			for (var result : results) {
				versions.add(result.get());
			}
			assertThat(versions).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
		} finally {
			pool.shutdown();
		}
	}

	@Test
	void theShippedDefinitionIsVersionOneUntilACityPublishesItsOwn() {
		try (var scope = TenantScope.open("281000")) {
			assertThat(procedures.version("281000", "care-certification", 1)).map(Procedure::version).contains(1);
			assertThat(procedures.version("281000", "care-certification", 0)).isEmpty();
			assertThat(procedures.current("281000", "care-certification")).isPresent();
			assertThat(procedures.current("281000", "no-such-procedure")).isEmpty();
		}
	}
}
