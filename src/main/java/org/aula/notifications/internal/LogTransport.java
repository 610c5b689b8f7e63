package org.aula.notifications.internal;

import jakarta.mail.internet.InternetAddress;
import org.aula.notifications.internal.OutboxRows.EmailStatus;
import org.aula.notifications.internal.OutboxRows.StoredEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to the log when no SMTP server is configured: the id, recipient and subject,
 * never the body, which may hold a one-time link. Administrators of the embedded mode
 * read the body in {@code /api/admin/outbox}.
 */
final class LogTransport implements EmailTransport {

	private static final Logger logger = LoggerFactory.getLogger(LogTransport.class);

	@Override
	public EmailStatus deliver(StoredEmail email, InternetAddress recipient) {
		logger.atInfo()
			.addKeyValue("email.id", email.id())
			.addKeyValue("email.to", email.recipient())
			.log("Email {} to {} written to the log, not sent (no SMTP server: spring.mail.host): {}", email.id(),
					email.recipient(), email.subject());
		return EmailStatus.LOGGED;
	}

	@Override
	public String describe() {
		return "the log (no SMTP server: set spring.mail.host to send emails)";
	}

}
