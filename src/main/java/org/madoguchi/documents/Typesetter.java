package org.madoguchi.documents;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;

/** Turns a letter's XHTML into PDF bytes with the bundled fonts and nothing fetched from outside. */
final class Typesetter {

	private static final Logger log = LoggerFactory.getLogger(Typesetter.class);
	private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
	static final String INLINE_PNG = "data:image/png;base64,";
	private final BundledFonts fonts;

	Typesetter(BundledFonts fonts) {
		this.fonts = fonts;
	}

	byte[] pdf(String xhtml, String letter) {
		return fonts.withFaces(faces -> {
			var out = new ByteArrayOutputStream(64 * 1024);
			try (var document = new PDDocument()) {
				var builder = new PdfRendererBuilder();
				builder.usePDDocument(document);
				BundledFonts.register(builder, document, faces);
				builder.withHtmlContent(xhtml, "classpath:/documents/");
				// Templates reference nothing external; refusing every URI keeps it so even if one ever tried. A PNG
				// written into the page itself (a form's QR code) is let through: it fetches nothing.
				builder.useExternalResourceAccessControl((uri, type) -> isInlinePng(uri), ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
				builder.useExternalResourceAccessControl((uri, type) -> isInlinePng(uri), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
				builder.withDiagnosticConsumer(diagnostic -> report(diagnostic, letter));
				builder.withProducer("Madoguchi");
				// PDF/A-2u: letters are official records kept for years, and every character must map to
				// Unicode. It also keeps the renderer from adding the base-14 PDF fonts, which PDFBox would
				// look up among the machine's installed fonts.
				builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
				builder.useColorProfile(SRGB);
				builder.toStream(out);
				builder.run();
			} catch (IOException e) {
				throw new UncheckedIOException("could not typeset " + letter, e);
			}
			return out.toByteArray();
		});
	}

	static boolean isInlinePng(String uri) {
		return uri != null && uri.startsWith(INLINE_PNG);
	}

	/**
	 * The renderer's own messages can quote the text being laid out, which here is a resident's name and
	 * address: only the message id is logged, with the letter's case number, and only warnings.
	 */
	private static void report(Diagnostic diagnostic, String letter) {
		if (diagnostic.getLevel().intValue() >= Level.WARNING.intValue()) {
			log.warn("Typesetting {}: {}", letter, diagnostic.getLogMessageId());
		}
	}
}
