package org.madoguchi.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Title, licence and the bearer scheme of the served OpenAPI document; the paths come from the controllers. */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

	@Bean
	OpenAPI madoguchiApi() {
		return new OpenAPI()
			.info(new Info().title("Madoguchi API").version("v1")
				.description("Municipal BPO platform. Tokens from POST /api/v1/tokens; errors are "
						+ "{status, errors:[{path, code, message}]} in the language of Accept-Language (ja, en).")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
