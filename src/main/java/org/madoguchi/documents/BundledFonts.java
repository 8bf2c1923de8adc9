package org.madoguchi.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The IPAex fonts shipped in {@code fonts/} (IPA Font License v1.0, which allows unmodified redistribution;
 * its text lies next to them). Letters never depend on the fonts of the machine they are printed on:
 * these are read from the classpath once and embedded, as subsets, in every PDF.
 */
final class BundledFonts {

	static final String MINCHO = "IPAexMincho";
	static final String GOTHIC = "IPAexGothic";

	/** One set for the whole application: letters and printed forms share the parsed faces instead of holding two copies. */
	private static final class Shared {
		static final BundledFonts FONTS = new BundledFonts();
	}

	private final byte[] mincho = read("fonts/ipaexm.ttf");
	private final byte[] gothic = read("fonts/ipaexg.ttf");
	private final BlockingQueue<Faces> idle = new ArrayBlockingQueue<>(Runtime.getRuntime().availableProcessors());
	private final Map<String, Map<Integer, int[]>> sharedGlyphs = Map.of(MINCHO, sharedGlyphs(mincho), GOTHIC, sharedGlyphs(gothic));

	static BundledFonts shared() {
		return Shared.FONTS;
	}

	/** A parsed pair of fonts, lent to one rendering at a time: parsing IPAex anew for every letter is slow. */
	record Faces(TrueTypeFont mincho, TrueTypeFont gothic) {
	}

	/**
	 * Lends a parsed pair for the length of one rendering. A parsed font is not safe for two threads at once,
	 * so each rendering has its own; pairs are kept for the next one, at most one per processor.
	 */
	<T> T withFaces(Function<Faces, T> work) {
		Faces faces = idle.poll();
		if (faces == null) {
			faces = new Faces(parse(mincho), parse(gothic));
		}
		try {
			return work.apply(faces);
		} finally {
			idle.offer(faces);
		}
	}

	/** Registers both families on a document; bold is drawn from the regular face, as IPAex has a single weight. */
	static void register(PdfRendererBuilder builder, PDDocument document, Faces faces) throws IOException {
		var minchoFont = new PDFontSupplier(PDType0Font.load(document, faces.mincho(), true));
		var gothicFont = new PDFontSupplier(PDType0Font.load(document, faces.gothic(), true));
		for (int weight : new int[] {400, 700}) {
			builder.useFont(minchoFont, MINCHO, weight, FontStyle.NORMAL, true);
			builder.useFont(gothicFont, GOTHIC, weight, FontStyle.NORMAL, true);
		}
	}

	/**
	 * The characters a glyph of a family stands for, when it stands for more than one (戸 shares its glyph
	 * with the Kangxi radical ⼾), else null. {@link TextLayer} needs this to name the right one.
	 */
	int[] charactersOf(String family, int glyphId) {
		return sharedGlyphs.getOrDefault(family, Map.of()).get(glyphId);
	}

	/** Read once, up front, so that lookups later are plain map reads and safe from any thread. */
	private static Map<Integer, int[]> sharedGlyphs(byte[] font) {
		try (var ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
			var cmap = ttf.getUnicodeCmapLookup();
			var shared = new HashMap<Integer, int[]>();
			for (int glyph = 1; glyph < ttf.getNumberOfGlyphs(); glyph++) {
				var codes = cmap.getCharCodes(glyph);
				if (codes != null && codes.size() > 1) {
					shared.put(glyph, codes.stream().mapToInt(Integer::intValue).toArray());
				}
			}
			return Map.copyOf(shared);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read a bundled font", e);
		}
	}

	private static TrueTypeFont parse(byte[] font) {
		try {
			return new TTFParser().parse(new RandomAccessReadBuffer(font));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read a bundled font", e);
		}
	}

	private static byte[] read(String resource) {
		try (InputStream in = BundledFonts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("bundled font missing from the classpath: " + resource);
			}
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
