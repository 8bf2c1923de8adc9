package org.madoguchi.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Repairs the text layer of a rendered letter so that copying, searching and screen readers get the
 * characters the letter was written with: 日, 目, 戸 and not the look-alike Kangxi radicals ⽇ ⽬ ⼾.
 *
 * <p>Why: IPAex draws 戸 (U+6238) and ⼾ (U+2F3E) with one glyph, and PDFBox, when it embeds a font subset,
 * writes a glyph's text as the lowest code point that maps to it (PDCIDFontType2Embedder: "use the first
 * entry even for ambiguous mappings"). The printed letter is right; only the text behind it is wrong. For
 * each glyph the font shares among several characters, the one the letter's text actually used is written
 * back into the font's ToUnicode map. (Unicode normalisation would not do: NFKC turns ⼾ into 戶, not 戸.)
 */
final class TextLayer {

	private static final Pattern CHARS = Pattern.compile("beginbfchar(.*?)endbfchar", Pattern.DOTALL);
	private static final Pattern RANGES = Pattern.compile("beginbfrange(.*?)endbfrange", Pattern.DOTALL);
	private static final Pattern PAIR = Pattern.compile("<(\\p{XDigit}+)>\\s*<(\\p{XDigit}+)>");
	private static final Pattern RANGE = Pattern.compile("<(\\p{XDigit}+)>\\s*<(\\p{XDigit}+)>\\s*<(\\p{XDigit}+)>");
	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private TextLayer() {
	}

	static byte[] repair(byte[] pdf, String sourceText, BundledFonts fonts) {
		Set<Integer> used = sourceText.codePoints().boxed().collect(Collectors.toSet());
		try (PDDocument document = Loader.loadPDF(pdf)) {
			boolean changed = false;
			for (var page : document.getPages()) {
				var resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					var font = resources.getFont(name);
					String family = font.getName().substring(font.getName().indexOf('+') + 1);
					changed |= repair(document, font.getCOSObject(), glyph -> chosen(fonts.charactersOf(family, glyph), used));
				}
			}
			if (!changed) {
				return pdf;
			}
			var out = new ByteArrayOutputStream(pdf.length);
			document.save(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException("could not repair the text layer of a letter", e);
		}
	}

	private static boolean repair(PDDocument document, COSDictionary font, IntFunction<String> character) throws IOException {
		if (!(font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream stream)) {
			return false;
		}
		String cmap;
		try (var in = stream.createInputStream()) {
			cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		Map<Integer, String> mappings = new TreeMap<>();
		CHARS.matcher(cmap).results().forEach(block -> PAIR.matcher(block.group(1)).results()
			.forEach(pair -> mappings.put(Integer.parseInt(pair.group(1), 16), text(pair.group(2)))));
		for (var block : RANGES.matcher(cmap).results().toList()) {
			if (block.group(1).contains("[")) {
				return false; // array ranges are not what PDFBox writes; leave such a map alone
			}
			for (var range : RANGE.matcher(block.group(1)).results().toList()) {
				int from = Integer.parseInt(range.group(1), 16);
				int to = Integer.parseInt(range.group(2), 16);
				String first = text(range.group(3));
				for (int code = from; code <= to; code++) {
					mappings.put(code, first.substring(0, first.length() - 1)
							+ (char) (first.charAt(first.length() - 1) + (code - from)));
				}
			}
		}
		boolean changed = false;
		for (var entry : mappings.entrySet()) {
			String used = character.apply(entry.getKey());
			if (used != null && !used.equals(entry.getValue())) {
				entry.setValue(used);
				changed = true;
			}
		}
		if (changed) {
			COSStream repaired = document.getDocument().createCOSStream();
			try (OutputStream out = repaired.createOutputStream(COSName.FLATE_DECODE)) {
				out.write(write(mappings).getBytes(StandardCharsets.US_ASCII));
			}
			font.setItem(COSName.TO_UNICODE, repaired);
		}
		return changed;
	}

	/** Of the characters a shared glyph stands for, the one the letter used (the lowest, should it use several). */
	private static String chosen(int[] characters, Set<Integer> used) {
		if (characters == null) {
			return null;
		}
		return Arrays.stream(characters).filter(used::contains).sorted().mapToObj(Character::toString).findFirst().orElse(null);
	}

	private static String text(String hex) {
		return new String(HEX.parseHex(hex), StandardCharsets.UTF_16BE);
	}

	private static String write(Map<Integer, String> mappings) {
		var cmap = new StringBuilder("""
				/CIDInit /ProcSet findresource begin
				12 dict begin
				begincmap
				/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
				/CMapName /Adobe-Identity-UCS def
				/CMapType 2 def
				1 begincodespacerange
				<0000> <FFFF>
				endcodespacerange
				""");
		var entries = mappings.entrySet().stream().toList();
		for (int start = 0; start < entries.size(); start += 100) {
			var block = entries.subList(start, Math.min(start + 100, entries.size()));
			cmap.append(block.size()).append(" beginbfchar\n");
			block.forEach(e -> cmap.append('<').append(String.format("%04X", e.getKey())).append("> <")
				.append(HEX.formatHex(e.getValue().getBytes(StandardCharsets.UTF_16BE))).append(">\n"));
			cmap.append("endbfchar\n");
		}
		return cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").toString();
	}
}
