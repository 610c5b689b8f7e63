package org.aula.notifications.internal;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Tells failures that another attempt cannot fix from those it can. Permanent: an address
 * that does not parse, a message that cannot be built, and a recipient the server refused
 * with a 5xx reply. Everything else (no connection, a timeout, a 4xx reply, a failed
 * login) is worth retrying: the server may be back, or fixed, later.
 */
final class DeliveryFailures {

	private DeliveryFailures() {
	}

	static boolean isPermanent(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> pending = new ArrayDeque<>();
		pending.add(failure);
		while (!pending.isEmpty()) {
			Throwable next = pending.pop();
			if (!seen.add(next)) {
				continue;
			}
			if (next instanceof AddressException || next instanceof MailParseException
					|| next instanceof MailPreparationException) {
				return true;
			}
			if (next instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
					&& sendFailed.getInvalidAddresses().length > 0) {
				return true;
			}
			if (next instanceof MailSendException mailSend) {
				pending.addAll(mailSend.getFailedMessages().values());
			}
			if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
				pending.add(messaging.getNextException());
			}
			if (next.getCause() != null) {
				pending.add(next.getCause());
			}
		}
		return false;
	}

	/** The failure in one line, for the outbox and the job ledger. */
	static String describe(Throwable failure) {
		String message = failure.getMessage();
		String text = failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return text.replaceAll("\\s+", " ").strip();
	}

}
