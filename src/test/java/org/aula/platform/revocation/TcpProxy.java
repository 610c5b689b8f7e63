package org.aula.platform.revocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the real Redis that a test can make fail the ways a network
 * fails, without touching the Redis server itself: refuse connections, or hold them open
 * and never answer.
 */
final class TcpProxy implements AutoCloseable {

	enum Mode {

		/** Pass bytes both ways. */
		FORWARD,
		/** Drop open connections and every new one at once. */
		REFUSE,
		/** Keep connections open but swallow everything: commands never get an answer. */
		HANG

	}

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile Mode mode = Mode.FORWARD;

	TcpProxy(String targetHost, int targetPort) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		Thread.ofVirtual().name("tcp-proxy-accept").start(this::accept);
	}

	String redisUrl() {
		return "redis://127.0.0.1:" + this.server.getLocalPort();
	}

	void mode(Mode mode) {
		this.mode = mode;
		if (mode == Mode.REFUSE) {
			this.sockets.forEach(TcpProxy::closeQuietly);
			this.sockets.clear();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.mode == Mode.REFUSE) {
					client.close();
					continue;
				}
				Socket upstream = new Socket(this.targetHost, this.targetPort);
				this.sockets.add(client);
				this.sockets.add(upstream);
				Thread.ofVirtual().start(() -> pump(client, upstream));
				Thread.ofVirtual().start(() -> pump(upstream, client));
			}
			catch (IOException ex) {
				// the server socket was closed, or one connection failed: keep serving
			}
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (this.mode == Mode.FORWARD) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			// a side closed the connection
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.sockets.forEach(TcpProxy::closeQuietly);
	}

}
