package org.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The tenant line, tried the way an intruder would: every API endpoint that names a municipality, asked
 * by every 神戸市-only account about 大阪市, and raw SQL on the app's own connections.
 */
@MadoguchiTest
class TenantIsolationTest {

	private static final List<String> KOBE_ONLY = List.of("kobe-clerk", "kobe-checker", "kobe-supervisor", "kobe-official", "auditor");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	DataSource dataSource;

	record Endpoint(String method, String pattern) {
		String path(String code) {
			return pattern.replace("{code}", code).replace("{id}", "1").replace("{day}", "2027-01-04")
				.replaceAll("\\{[^}]+}", "x");
		}
	}

	private List<Endpoint> endpointsNamingAMunicipality() {
		var endpoints = new ArrayList<Endpoint>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") && pattern.contains("{code}")) {
					var methods = info.getMethodsCondition().getMethods();
					if (methods.isEmpty()) {
						endpoints.add(new Endpoint("GET", pattern));
					}
					methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern)));
				}
			}
		});
		return endpoints;
	}

	@Test
	void everyEndpointNamingAMunicipalityAnswersNotFoundForAnotherCityToEveryKobeAccount() {
		var api = new Api(port);
		var endpoints = endpointsNamingAMunicipality();
		assertThat(endpoints).as("endpoints found by the scan").hasSizeGreaterThanOrEqualTo(5);
		for (Endpoint endpoint : endpoints) {
			for (String user : KOBE_ONLY) {
				for (String code : List.of("271004", "999999")) {
					var response = api.send(endpoint.method(), endpoint.path(code), api.token(user), "{}", "en");
					assertThat(response.status()).as(endpoint + " as " + user + " for " + code).isEqualTo(404);
					assertThat(response.firstError()).as(endpoint + " as " + user).isEqualTo("code:not_found");
				}
			}
		}
	}

	@Test
	void theSameEndpointsDoNotRefuseTheCallersOwnCity() {
		var api = new Api(port);
		for (Endpoint endpoint : endpointsNamingAMunicipality()) {
			boolean reachedByAnyone = KOBE_ONLY.stream().anyMatch(user -> {
				var response = api.send(endpoint.method(), endpoint.path("281000"), api.token(user), "{}", "en");
				return !(response.status() == 404 && response.body().contains("\"path\":\"code\""));
			});
			assertThat(reachedByAnyone).as(endpoint + " must be reachable for 神戸市").isTrue();
		}
	}

	@Test
	void theMunicipalityListShowsOnlyTheCallersCities() {
		var api = new Api(port);
		var kobe = api.get("/api/v1/municipalities", api.token("kobe-clerk")).json();
		assertThat(kobe.size()).isEqualTo(1);
		assertThat(kobe.get(0).get("code").asString()).isEqualTo("281000");
		var listed = api.get("/api/v1/municipalities", api.token("admin")).json().valueStream().map(m -> m.get("code").asString()).toList();
		var assigned = api.get("/api/v1/me", api.token("admin")).json().get("municipalities").valueStream().map(m -> m.asString()).toList();
		assertThat(listed).containsAll(List.of("281000", "271004", "072079")).containsExactlyInAnyOrderElementsOf(assigned);
	}

	@Test
	void anOsakaRowIsInvisibleToAKobeScopeEvenThroughRawSql() {
		var db = JdbcClient.create(dataSource);
		try (var osaka = TenantScope.open("271004")) {
			db.sql("insert into calendar_day (tenant_id, day, kind, name) values ('271004', '2031-03-03', 'closed', '大阪市だけの休み') on conflict do nothing")
				.update();
		}
		try (var kobe = TenantScope.open("281000")) {
			List<Map<String, Object>> rows = db.sql("select * from calendar_day").query().listOfRows();
			assertThat(rows).allSatisfy(row -> assertThat(row.get("tenant_id")).isEqualTo("281000"));
			assertThat(db.sql("select count(*) from calendar_day where tenant_id = '271004'").query(Long.class).single()).isZero();
			assertThat(db.sql("update calendar_day set name = 'x' where tenant_id = '271004'").update()).isZero();
		}
		try (var osaka = TenantScope.open("271004")) {
			assertThat(db.sql("select count(*) from calendar_day where tenant_id = '271004' and day = '2031-03-03'").query(Long.class).single())
				.isEqualTo(1);
		}
	}

	@Test
	void aConnectionWithoutScopeSeesNoTenantRowsAndCannotWriteIntoAnotherCity() {
		var db = JdbcClient.create(dataSource);
		assertThat(db.sql("select count(*) from office").query(Long.class).single()).isZero();
		try (var kobe = TenantScope.open("281000")) {
			assertThat(db.sql("select count(*) from office").query(Long.class).single()).isEqualTo(1);
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> db
				.sql("insert into office (tenant_id, id, name) values ('271004', 'sneaky', '潜入')").update())
				.rootCause().hasMessageContaining("row-level security");
		}
	}

	@Test
	void aPooledConnectionTakesEachNewScopeEvenWhenItSkipsRepeatingTheSameOne() throws Exception {
		var seen = new ArrayList<String>();
		// one checkout after another: the pool hands back the same physical connection each time
		for (String scope : List.of("281000", "281000", "271004", "", "271004", "281000,271004")) {
			var codes = scope.isEmpty() ? List.<String>of() : List.of(scope.split(","));
			try (var opened = TenantScope.open(codes); var connection = dataSource.getConnection();
					var statement = connection.createStatement();
					var rows = statement.executeQuery("select string_agg(tenant_id, ',' order by tenant_id) from office")) {
				rows.next();
				seen.add(String.valueOf(rows.getString(1)));
			}
		}
		assertThat(seen).containsExactly("281000", "281000", "271004", "null", "271004", "271004,281000");
	}

	@Test
	void theApplicationRoleIsNeitherSuperuserNorExemptFromRowLevelSecurity() {
		var role = JdbcClient.create(dataSource).sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
			.query(Boolean.class).single();
		assertThat(role).isFalse();
	}
}
