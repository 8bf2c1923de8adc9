package org.madoguchi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Residents get five languages and their browser's choice; staff pages keep Japanese and English, by choice only. */
class PortalLanguageResolverTest {

	final LanguageResolver resolver = new LanguageResolver();

	@Test
	void residentPagesFollowTheBrowserUnlessTheResidentChoseALanguage() {
		assertThat(resolve("/portal/status", "ko-KR,ko;q=0.9", null)).isEqualTo(Locale.KOREAN);
		assertThat(resolve("/portal/apply", "zh-TW,zh;q=0.9", null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(resolve("/portal", "fr-FR,vi;q=0.8", null)).isEqualTo(Locale.forLanguageTag("vi"));
		assertThat(resolve("/portal", "fr-FR", null)).isEqualTo(Locale.JAPANESE);
		assertThat(resolve("/portal/status", "ko", "en")).isEqualTo(Locale.ENGLISH);
		assertThat(resolve("/api/v1/portal/status", "vi", "en")).as("the API reads the header only").isEqualTo(Locale.forLanguageTag("vi"));
	}

	@Test
	void staffPagesStayInJapaneseOrEnglishWhateverTheResidentChose() {
		assertThat(resolve("/", "ko", null)).isEqualTo(Locale.JAPANESE);
		assertThat(resolve("/work", "en", "zh-CN")).isEqualTo(Locale.JAPANESE);
		assertThat(resolve("/work", "ko", "en")).isEqualTo(Locale.ENGLISH);
		assertThat(resolve("/api/v1/me", "ko", null)).isEqualTo(Locale.JAPANESE);
		assertThat(resolve("/portalx", "ko", null)).as("only the portal's own paths").isEqualTo(Locale.JAPANESE);
	}

	@Test
	void aChoiceOnThePortalIsRememberedAsALanguageTag() {
		var request = new MockHttpServletRequest("GET", "/portal/status");
		var response = new MockHttpServletResponse();
		resolver.setLocale(request, response, Locale.forLanguageTag("zh-CN"));
		assertThat(response.getCookie(LanguageResolver.COOKIE).getValue()).isEqualTo("zh-CN");
		assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.SIMPLIFIED_CHINESE);

		var staff = new MockHttpServletRequest("GET", "/");
		resolver.setLocale(staff, new MockHttpServletResponse(), Locale.KOREAN);
		assertThat(resolver.resolveLocale(staff)).isEqualTo(Locale.JAPANESE);
	}

	private Locale resolve(String path, String acceptLanguage, String cookie) {
		var request = new MockHttpServletRequest("GET", path);
		request.addHeader("Accept-Language", acceptLanguage);
		if (cookie != null) {
			request.setCookies(new Cookie(LanguageResolver.COOKIE, cookie));
		}
		return resolver.resolveLocale(request);
	}
}
