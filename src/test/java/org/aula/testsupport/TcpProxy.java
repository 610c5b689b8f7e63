package org.aula.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of a real service, to give one client an outage without
 * touching the service everyone else uses: {@link #stop()} refuses new connections and
 * cuts the open ones (Redis down), {@link #stall()} keeps connections open but holds
 * every byte (Redis hung), {@link #start()} and {@link #resume()} undo them. The proxy's
 * port is reserved when it is created, so a client can be pointed at it before it starts.
 */
public final class TcpProxy implements AutoCloseable {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private final InetSocketAddress target;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicLong heldBytes = new AtomicLong();

	private volatile ServerSocket server;

	private volatile boolean stalled;

	private TcpProxy(InetSocketAddress target) {
		this.target = target;
		try (ServerSocket probe = new ServerSocket(0, 50, LOOPBACK)) {
			this.port = probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A proxy, not started yet, in front of the Redis at {@code redisUrl}.
	 */
	public static TcpProxy toRedis(String redisUrl) {
		URI uri = URI.create(redisUrl);
		return new TcpProxy(new InetSocketAddress(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 6379));
	}

	/**
	 * A proxy, not started yet, in front of any TCP server.
	 */
	public static TcpProxy to(String host, int port) {
		return new TcpProxy(new InetSocketAddress(host, port));
	}

	/**
	 * @return the loopback port this proxy listens on
	 */
	public int port() {
		return this.port;
	}

	/**
	 * @return a Redis URL that connects through this proxy
	 */
	public String redisUrl() {
		return "redis://" + LOOPBACK.getHostAddress() + ":" + this.port;
	}

	public synchronized TcpProxy start() {
		if (this.server != null) {
			return this;
		}
		// The port was ours moments ago: the old listener may take a little while to let
		// go.
		for (int attempt = 1;; attempt++) {
			try {
				ServerSocket listening = new ServerSocket();
				listening.setReuseAddress(true);
				listening.bind(new InetSocketAddress(LOOPBACK, this.port));
				this.server = listening;
				Thread.ofVirtual().name("tcp-proxy-" + this.port).start(() -> accept(listening));
				return this;
			}
			catch (java.net.BindException ex) {
				if (attempt == 50) {
					throw new UncheckedIOException(ex);
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new UncheckedIOException(ex);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Refuses new connections and closes the open ones.
	 */
	public synchronized void stop() {
		ServerSocket listening = this.server;
		this.server = null;
		if (listening != null) {
			closeQuietly(listening);
		}
		this.sockets.forEach(TcpProxy::closeQuietly);
		this.sockets.clear();
	}

	/**
	 * Holds every byte in both directions until {@link #resume()}, keeping the
	 * connections open.
	 */
	public void stall() {
		this.heldBytes.set(0);
		this.stalled = true;
	}

	public void resume() {
		this.stalled = false;
	}

	/**
	 * @return bytes that clients sent since {@link #stall()} and that are being held
	 */
	public long heldBytes() {
		return this.heldBytes.get();
	}

	@Override
	public void close() {
		resume();
		stop();
	}

	private void accept(ServerSocket listening) {
		while (!listening.isClosed()) {
			Socket client;
			try {
				client = listening.accept();
			}
			catch (IOException ex) {
				// closed by stop()
				continue;
			}
			Socket upstream = new Socket();
			this.sockets.add(client);
			this.sockets.add(upstream);
			try {
				upstream.connect(this.target, 1000);
				Thread.ofVirtual().start(() -> pump(client, upstream, true));
				Thread.ofVirtual().start(() -> pump(upstream, client, false));
			}
			catch (IOException ex) {
				// the client sees its connection end, as if the target had refused it
				closeQuietly(client);
				closeQuietly(upstream);
			}
		}
	}

	private void pump(Socket from, Socket to, boolean fromClient) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (this.stalled && fromClient) {
					this.heldBytes.addAndGet(read);
				}
				while (this.stalled && !from.isClosed()) {
					Thread.sleep(5);
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// one side went away: end both
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.sockets.remove(from);
			this.sockets.remove(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already gone
		}
	}

}
