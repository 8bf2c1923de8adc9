package org.madoguchi.identity.web;

import io.nayuki.qrcodegen.QrCode.Ecc;

/** Draws a QR code as inline SVG, so the enrolment secret never leaves the server as an image request. */
final class QrCode {

	private QrCode() {
	}

	static String svg(String text) {
		var qr = io.nayuki.qrcodegen.QrCode.encodeText(text, Ecc.MEDIUM);
		int border = 4;
		int size = qr.size + border * 2;
		var path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" width=\"220\" height=\"220\""
				+ " role=\"img\" aria-labelledby=\"qr-title\"><title id=\"qr-title\">QR</title>"
				+ "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
	}
}
