package org.aula.notifications.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;
import org.aula.notifications.internal.OutboxRows.EmailStatus;
import org.aula.notifications.internal.OutboxRows.StoredEmail;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How a real SMTP conversation's refusals are classified: a recipient refused with 5xx is
 * given up at once, one deferred with 4xx is retried.
 */
class SmtpRefusalTest {

	@Test
	void recipientRefusedWithA5xxReplyIsAPermanentFailure() throws Exception {
		try (RefusingServer server = new RefusingServer("550 5.1.1 No such user here")) {
			Throwable failure = catchThrowable(() -> transport(server.port()).deliver(email(), recipient()));

			assertThat(failure).isNotNull();
			assertThat(DeliveryFailures.isPermanent(failure)).as(DeliveryFailures.describe(failure)).isTrue();
		}
	}

	@Test
	void recipientDeferredWithA4xxReplyIsRetried() throws Exception {
		try (RefusingServer server = new RefusingServer("451 4.7.1 Greylisted, come back later")) {
			Throwable failure = catchThrowable(() -> transport(server.port()).deliver(email(), recipient()));

			assertThat(failure).isNotNull();
			assertThat(DeliveryFailures.isPermanent(failure)).as(DeliveryFailures.describe(failure)).isFalse();
		}
	}

	private static SmtpTransport transport(int port) throws Exception {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.connectiontimeout", "5000");
		properties.setProperty("mail.smtp.timeout", "5000");
		sender.setJavaMailProperties(properties);
		return new SmtpTransport(sender, new InternetAddress("Aula <no-reply@aula.test>"));
	}

	private static StoredEmail email() {
		return new StoredEmail(UUID.randomUUID(), "ana@example.org", "Welcome", "Hello", EmailStatus.PENDING);
	}

	private static InternetAddress recipient() throws Exception {
		return new InternetAddress("ana@example.org");
	}

	/** Speaks just enough SMTP to refuse every recipient with the given reply. */
	private static final class RefusingServer implements AutoCloseable {

		private final ServerSocket socket;

		private final Thread thread;

		RefusingServer(String rcptReply) throws IOException {
			this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
			this.thread = Thread.ofVirtual().start(() -> serve(rcptReply));
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void serve(String rcptReply) {
			while (!this.socket.isClosed()) {
				try (Socket client = this.socket.accept();
						BufferedReader in = new BufferedReader(
								new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
						PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
					reply(out, "220 refusing.test ESMTP");
					for (String line = in.readLine(); line != null; line = in.readLine()) {
						String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
						switch (command) {
							case "RCPT" -> reply(out, rcptReply);
							case "DATA" -> reply(out, "503 5.5.1 No valid recipients");
							case "QUIT" -> {
								reply(out, "221 Bye");
								return;
							}
							default -> reply(out, "250 OK");
						}
					}
				}
				catch (IOException closed) {
					return;
				}
			}
		}

		private static void reply(PrintWriter out, String line) {
			out.print(line + "\r\n");
			out.flush();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
			try {
				this.thread.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
