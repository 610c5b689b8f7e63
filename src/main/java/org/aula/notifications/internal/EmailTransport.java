package org.aula.notifications.internal;

import jakarta.mail.internet.InternetAddress;

import org.aula.notifications.internal.OutboxRows.EmailStatus;
import org.aula.notifications.internal.OutboxRows.StoredEmail;

/**
 * Where emails go: an SMTP server when one is configured, the log otherwise.
 */
interface EmailTransport {

	/**
	 * Delivers one email.
	 * @param email the email, read from the outbox
	 * @param recipient its recipient, already parsed strictly
	 * @return how it was delivered: {@code SENT} or {@code LOGGED}
	 * @throws Exception when it was not delivered; {@link DeliveryFailures} tells whether
	 * trying again can help
	 */
	EmailStatus deliver(StoredEmail email, InternetAddress recipient) throws Exception;

	/**
	 * A short description of this transport for the start-up log.
	 */
	String describe();

}
