package org.madoguchi.documents;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.madoguchi.japan.WarekiDate;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Letter templates under {@code documents/}: {@code documents/<procedure>/<type>.html} when a procedure has
 * its own wording (a deferral notice citing 介護保険法 §27(11)), else {@code documents/default/<type>.html}.
 * An engine of its own, not the web one, so page settings (no cache in development) never change letters.
 */
final class LetterTemplates {

	private static final String FOLDER = "documents/";
	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	LetterTemplates() {
		var resolver = new ClassLoaderTemplateResolver(LetterTemplates.class.getClassLoader());
		resolver.setPrefix(FOLDER);
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		engine.setTemplateResolver(resolver);
	}

	/** The template a request is written with; procedure ids are checked to stay inside the folder. */
	static String nameFor(LetterRequest request) {
		String own = request.procedureId() + "/" + request.type().code();
		boolean exists = LetterTemplates.class.getClassLoader().getResource(FOLDER + own + ".html") != null;
		return exists ? own : "default/" + request.type().code();
	}

	/** XHTML for the typesetter; every value is escaped by the template engine, none is markup. */
	String html(LetterRequest request, LetterMark mark) {
		var context = new Context(java.util.Locale.JAPAN, Map.of(
				"letter", request,
				"recipient", request.recipient(),
				"values", request.values(),
				"sender", sender(request),
				"date", WarekiDate.format(request.date()),
				"era", new EraDates(),
				"mark", mark == null ? LetterMark.NONE : mark));
		return engine.process(nameFor(request), context);
	}

	/** Dispositions (deferral, decision) are acts of the head of the municipality: 神戸市長, 須賀川市長. */
	private static String sender(LetterRequest request) {
		return switch (request.type()) {
			case DEFERRAL_NOTICE, DECISION_NOTICE -> request.municipalityName() + "長";
			case ACKNOWLEDGEMENT, DEFICIENCY_NOTICE, CERTIFICATE, REMINDER -> request.municipalityName();
		};
	}

	/** What templates call to print a date: {@code ${era.date(values.deadline)}} gives 令和元年5月1日. */
	public static final class EraDates {

		public String date(Object value) {
			return value instanceof LocalDate date ? WarekiDate.format(date) : "";
		}
	}
}
