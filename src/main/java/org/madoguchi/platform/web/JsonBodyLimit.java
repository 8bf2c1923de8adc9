package org.madoguchi.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Caps the JSON body of an API call at {@value #MAX_BYTES} bytes. Jackson reads a body whole into a tree before
 * any field is checked, so without a cap one 10 MB text field costs tens of megabytes of heap and a few large
 * requests exhaust it; no form or request of this API comes near the cap. A declared length over it is refused
 * before anything is read; a body sent without a length is counted as it is read and refused at the cap. Both
 * answer 413 {@code body:too_large} in the API's error shape. Bodies of other types (CSV imports, procedure YAML)
 * are read by their endpoints, under limits of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // before security: an oversized body is not worth authenticating
class JsonBodyLimit extends OncePerRequestFilter {

	static final int MAX_BYTES = 1 << 20;
	static final String SHOWN = "1 MB";

	private final MessageSource messages;
	private final LocaleResolver locales;

	JsonBodyLimit(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	/** What a capped body throws when read past the cap; {@link ApiErrors} answers it as 413. */
	static final class TooLarge extends IOException {

		TooLarge() {
			super("request body over " + SHOWN);
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ApiErrorBody.isApi(request) || !isJson(request.getContentType());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			String message = messages.getMessage("error.too_large", new Object[] { SHOWN }, "too_large", locales.resolveLocale(request));
			// the rest of the body is not wanted: end the connection rather than have the container read on through it
			response.setHeader("Connection", "close");
			ApiErrorBody.write(response, 413, new ApiErrorBody.Error("body", "too_large", message));
			return;
		}
		chain.doFilter(new Capped(request), response);
	}

	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			var type = MediaType.parseMediaType(contentType);
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
					|| ("application".equals(type.getType()) && type.getSubtype().endsWith("+json"));
		} catch (InvalidMediaTypeException e) {
			return false; // answered as an unsupported type further on, without reading the body
		}
	}

	/** The request with its body counted as it is read. */
	private static final class Capped extends HttpServletRequestWrapper {

		private ServletInputStream capped;

		Capped(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (capped == null) {
				capped = new CountingStream(super.getInputStream());
			}
			return capped;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;
		private long read;

		CountingStream(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLarge {
			read += n;
			if (read > MAX_BYTES) {
				throw new TooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
