package org.madoguchi.documents;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.springframework.stereotype.Service;

/**
 * Pages another module designs itself, such as a benefit's pre-printed application forms, printed the way
 * letters are: bundled IPAex fonts, nothing fetched from outside, PDF/A-2u, the text layer repaired. The
 * owner names a Thymeleaf template on the classpath and hands over its values; this module knows nothing of
 * what the pages mean, so it never depends on the module that owns them.
 *
 * <p>Templates get {@code era} as letters do ({@code ${era.date(d)}} gives 令和元年5月1日). Every value is
 * escaped by the template engine; images can only be PNGs carried in the page (see {@link #inlinePng}).
 */
@Service
public class PrintedPages {

	/** Template names come from code, never from a request; the pattern keeps them to plain classpath paths. */
	static final Pattern TEMPLATE = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");

	private final BundledFonts fonts = BundledFonts.shared();
	private final Typesetter typesetter = new Typesetter(fonts);
	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	public PrintedPages() {
		var resolver = new ClassLoaderTemplateResolver(PrintedPages.class.getClassLoader());
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		engine.setTemplateResolver(resolver);
	}

	/**
	 * The template ({@code benefits/application-forms} for {@code benefits/application-forms.html}) rendered
	 * with the values to a PDF. {@code label} names the job in warnings and must hold no personal data.
	 */
	public byte[] render(String template, Map<String, Object> values, String label) {
		if (template == null || !TEMPLATE.matcher(template).matches()) {
			throw new IllegalArgumentException("not a template name: " + template);
		}
		var model = new HashMap<String, Object>(values);
		model.put("era", new LetterTemplates.EraDates());
		String xhtml = engine.process(template, new Context(Locale.JAPAN, model));
		return TextLayer.repair(typesetter.pdf(xhtml, label), xhtml, fonts);
	}

	/** A PNG as the page may carry it, as {@code <img th:src="${...}"/>}: written into the page, fetched from nowhere. */
	public static String inlinePng(byte[] png) {
		return Typesetter.INLINE_PNG + Base64.getEncoder().encodeToString(png);
	}
}
