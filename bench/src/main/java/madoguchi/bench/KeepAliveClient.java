package madoguchi.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One client's connection for the load: plain HTTP/1.1 GETs with keep-alive over a socket, reconnecting
 * when the server closes. java.net.http.HttpClient spent about as much CPU per request as the server's
 * answer, on the same two cores, so the load generator itself set the ceiling of both rates measured; a
 * browser or a phone on the other end of a real network costs the server nothing of the sort.
 */
final class KeepAliveClient implements AutoCloseable {

	private final String host;
	private final int port;
	private Socket socket;
	private InputStream in;
	private OutputStream out;

	KeepAliveClient(URI server) {
		this.host = server.getHost();
		this.port = server.getPort();
	}

	/** GETs the path (with its query) and answers the status code, having read the whole body. */
	int get(String pathAndQuery) throws IOException {
		for (int attempt = 0;; attempt++) {
			if (socket == null) {
				connect();
			}
			try {
				out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				return response();
			} catch (EOFException | java.net.SocketException closedMeanwhile) {
				// the server ended the keep-alive between two requests: once more on a new connection
				close();
				if (attempt > 0) {
					throw closedMeanwhile;
				}
			}
		}
	}

	private int response() throws IOException {
		String status = line();
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closes = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase();
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(header.substring(15).strip());
			} else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			} else if (lower.startsWith("connection:") && lower.contains("close")) {
				closes = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
				skip(size);
				line();
			}
			line();
		} else if (length > 0) {
			skip(length);
		}
		if (closes) {
			close();
		}
		return code;
	}

	private String line() throws IOException {
		var text = new StringBuilder();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new EOFException("connection closed");
			}
			if (c != '\r') {
				text.append((char) c);
			}
		}
		return text.toString();
	}

	private void skip(long bytes) throws IOException {
		for (long left = bytes; left > 0;) {
			long skipped = in.skip(left);
			if (skipped <= 0) {
				if (in.read() < 0) {
					throw new EOFException("connection closed");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private void connect() throws IOException {
		socket = new Socket(host, port);
		socket.setTcpNoDelay(true);
		in = new BufferedInputStream(socket.getInputStream(), 1 << 14);
		out = socket.getOutputStream();
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			} catch (IOException ignored) {
				// closing a connection the server already closed
			}
			socket = null;
		}
	}
}
