package org.aula.notifications;

import java.util.UUID;

/**
 * The transactional outbox for email.
 * <p>
 * {@link #enqueue} writes the email into the outbox table within the caller's transaction
 * ({@code Propagation.MANDATORY}), so an email exists if and only if the action that
 * caused it committed: a rolled-back invitation never sends a message. Calling it outside
 * a transaction is a programming error and throws
 * {@link org.springframework.transaction.IllegalTransactionStateException}.
 * <p>
 * A new email starts {@code PENDING}; a background job queued in the same transaction
 * delivers it after the commit, over SMTP ({@code SENT}) or, without an SMTP server, to
 * the log ({@code LOGGED}), retrying failures until it gives up ({@code FAILED}).
 * Delivery is at least once: a crash right after the server accepted an email can send it
 * again, with the same Message-ID.
 */
public interface EmailOutbox {

	/**
	 * Queues an email for delivery once the caller's transaction commits.
	 * @param email the email, not null
	 * @return the id of the queued email
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 */
	UUID enqueue(OutgoingEmail email);

}
