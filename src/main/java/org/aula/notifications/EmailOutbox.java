package org.aula.notifications;

import java.util.UUID;

/**
 * The transactional outbox for email.
 * <p>
 * {@link #enqueue} writes the email into the outbox table within the caller's transaction
 * ({@code Propagation.MANDATORY}), so an email exists if and only if the action that
 * caused it committed: a rolled-back invitation never sends a message. Calling it outside
 * a transaction is a programming error and throws
 * {@link org.springframework.transaction.IllegalTransactionStateException}. Delivery over
 * SMTP happens later, from this table; a new email starts {@code PENDING}.
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
