package org.madoguchi.documents;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/** Reads a rendered letter back the way a reviewer would: its text, its fonts, what a window shows. */
public final class PdfReading {

	static final float POINTS_PER_MM = 72f / 25.4f;

	private PdfReading() {
	}

	public static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static int pages(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The text within a rectangle of the first page, given in millimetres from the paper's top-left corner. */
	static String textIn(byte[] pdf, double left, double top, double width, double height) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var stripper = new PDFTextStripperByArea();
			stripper.addRegion("area", new Rectangle2D.Double(left * POINTS_PER_MM, top * POINTS_PER_MM,
					width * POINTS_PER_MM, height * POINTS_PER_MM));
			stripper.extractRegions(document.getPage(0));
			return stripper.getTextForRegion("area");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	record Font(String name, boolean embedded) {
	}

	/** Every font used on every page, with whether its program is inside the file. */
	static List<Font> fonts(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var fonts = new ArrayList<Font>();
			for (var page : document.getPages()) {
				var resources = page.getResources();
				for (var name : resources.getFontNames()) {
					PDFont font = resources.getFont(name);
					fonts.add(new Font(font.getName(), isEmbedded(font)));
				}
			}
			return fonts;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static boolean isEmbedded(PDFont font) {
		var descriptor = font instanceof PDType0Font type0 ? type0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
		return descriptor != null && (descriptor.getFontFile2() != null || descriptor.getFontFile3() != null || descriptor.getFontFile() != null);
	}
}
