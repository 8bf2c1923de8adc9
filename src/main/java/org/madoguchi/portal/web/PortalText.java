package org.madoguchi.portal.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.madoguchi.benefits.ResidentStatus;
import org.madoguchi.platform.Problem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The portal's words in the resident's language. Its bundle ({@code messages/portal*}) holds every resident
 * message under {@code resident.*} and {@code portal.*}, in all five languages; the shared {@code error.*}
 * texts are only a last resort, since they exist in Japanese and English alone.
 */
@Component
class PortalText {

	/** A language link: the tag for {@code lang=}, the language's own name, and where the link goes. */
	record Language(String tag, String name, boolean current, String href) {
	}

	private static final List<String[]> LANGUAGES = List.of(new String[] { "ja", "日本語" }, new String[] { "en", "English" },
			new String[] { "zh-CN", "简体中文" }, new String[] { "ko", "한국어" }, new String[] { "vi", "Tiếng Việt" });

	private final MessageSource messages;
	/**
	 * Texts without arguments by key and language. The message source asks each of the application's thirteen
	 * bundles in turn for every key; the status look-up needs the same few sentences thousands of times a minute.
	 */
	private final Map<String, Optional<String>> plain = new ConcurrentHashMap<>();

	PortalText(MessageSource messages) {
		this.messages = messages;
	}

	/** Links to {@code path} in each language, keeping the municipality the page was opened for. */
	List<Language> languages(Locale current, String path, String municipality) {
		String keep = municipality == null ? "" : "&municipality=" + municipality;
		return LANGUAGES.stream()
			.map(l -> new Language(l[0], l[1], l[0].equals(current.toLanguageTag()), path + "?lang=" + l[0] + keep))
			.toList();
	}

	/** What is wrong with a field: the most specific of {@code resident.error.<path>.<code>}, {@code resident.error.<code>}, {@code error.<code>}. */
	String error(Problem problem, Locale locale) {
		return first(locale, problem.arguments(), "resident.error." + problem.path() + "." + problem.code(),
				"resident.error." + problem.code(), "error." + problem.code());
	}

	/** The sentence that goes with a status; a paid status names its transfer date. */
	String status(ResidentStatus status, Locale locale) {
		Object[] arguments = status.transferDate() == null ? null : new Object[] { date(status.transferDate(), locale) };
		return first(locale, arguments, status.messageKey(), "resident.status." + status.status());
	}

	/** The status itself in a word or two, e.g. 「審査中」. */
	String statusName(ResidentStatus status, Locale locale) {
		return first(locale, null, "resident.status-name." + status.status());
	}

	/** One thing to correct, as a sentence: a whole one where there is, else "field: what is wrong". */
	String correction(ResidentStatus.Correction correction, Locale locale) {
		String specific = messages.getMessage("resident.correction." + correction.path() + "." + correction.code(), null, null, locale);
		if (specific != null) {
			return specific;
		}
		String field = first(locale, null, "resident.field." + correction.path());
		String problem = error(Problem.of(correction.path(), correction.code()), locale);
		return messages.getMessage("resident.correction", new Object[] { field, problem }, field + ": " + problem, locale);
	}

	String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}

	static String date(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
	}

	private String first(Locale locale, Object[] arguments, String... keys) {
		for (String key : keys) {
			String text = arguments == null
					? plain.computeIfAbsent(locale.toLanguageTag() + '|' + key,
							k -> Optional.ofNullable(messages.getMessage(key, null, null, locale))).orElse(null)
					: messages.getMessage(key, arguments, null, locale);
			if (text != null) {
				return text;
			}
		}
		return keys[keys.length - 1];
	}
}
