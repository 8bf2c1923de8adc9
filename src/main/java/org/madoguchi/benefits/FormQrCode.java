package org.madoguchi.benefits;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrCode.Ecc;

/**
 * The QR code printed on a form: the application number's ten digits and nothing else, so a scanner at the
 * processing centre, or a resident's phone on the portal, reads exactly what would be typed. Ten digits in
 * numeric mode fit the smallest symbol (version 1, 21 modules) even at the highest error correction, which a
 * form that travels through the post and back needs.
 */
final class FormQrCode {

	/** Pixels per module: crisp edges at any print size, since the PDF scales the image without smoothing. */
	static final int SCALE = 4;
	/** The quiet zone the standard asks for around the symbol, in modules. */
	static final int BORDER = 4;

	private FormQrCode() {
	}

	static QrCode of(ApplicationNumber number) {
		return QrCode.encodeText(number.value(), Ecc.HIGH);
	}

	/** A one-bit PNG: black modules on white, quiet zone included. */
	static byte[] png(ApplicationNumber number) {
		QrCode qr = of(number);
		int size = (qr.size + BORDER * 2) * SCALE;
		var image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				boolean dark = qr.getModule(x / SCALE - BORDER, y / SCALE - BORDER);
				image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
			}
		}
		var out = new ByteArrayOutputStream(1024);
		try {
			ImageIO.write(image, "png", out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
