package org.madoguchi.portal.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The residents' doors, ahead of the staff chains (identity's, ordered 1 and 2) so that their "everything
 * else needs a staff login" never applies here. Nobody signs in: every request is anonymous and permitted,
 * and who may see what is decided per request by the benefits module (application number and birth date).
 * Pages keep a session only for CSRF tokens and the application steps; the API keeps none, so it has no
 * ambient credential for a forged request to borrow, and no CSRF token. Pages send no referrer: their
 * addresses may carry an application number and a birth date.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(-1)
	SecurityFilterChain residentPagesChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/portal", "/portal/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	@Bean
	@Order(0)
	SecurityFilterChain residentApiChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/v1/portal/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}
}
