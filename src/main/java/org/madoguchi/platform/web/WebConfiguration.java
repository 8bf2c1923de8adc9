package org.madoguchi.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageResolver();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var language = new LocaleChangeInterceptor();
		language.setParamName("lang");
		language.setIgnoreInvalidLocale(true);
		registry.addInterceptor(language);
		registry.addInterceptor(new TenantGuard()).excludePathPatterns("/webjars/**", "/css/**", "/js/**", "/error");
	}
}
