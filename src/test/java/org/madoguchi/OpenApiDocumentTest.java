package org.madoguchi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@MadoguchiTest
class OpenApiDocumentTest {

	@LocalServerPort
	int port;

	@Test
	void theAppServesAnOpenApiDocumentListingItsEndpoints() {
		var response = new Api(port).get("/api/v1/openapi.json", null);
		assertThat(response.status()).isEqualTo(200);
		var paths = response.json().get("paths");
		assertThat(paths.has("/api/v1/tokens")).isTrue();
		assertThat(paths.has("/api/v1/municipalities/{code}/calendar/holidays")).isTrue();
		assertThat(paths.has("/api/v1/municipalities/{code}/audit/verify")).isTrue();
		assertThat(paths.has("/api/v1/admin/accounts")).isTrue();
	}
}
