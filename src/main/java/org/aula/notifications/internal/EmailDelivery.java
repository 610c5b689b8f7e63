package org.aula.notifications.internal;

import java.time.Clock;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.aula.notifications.internal.OutboxRows.EmailStatus;
import org.aula.notifications.internal.OutboxRows.StoredEmail;
import org.aula.platform.jobs.JobContext;
import org.aula.platform.jobs.JobHandler;
import org.aula.platform.jobs.PermanentJobFailure;
import org.aula.platform.jobs.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Runs {@value #TYPE} jobs: delivers one outbox email, whose id is the payload.
 * <p>
 * Idempotent: an email already {@code SENT} or {@code LOGGED} is left alone, so a job
 * that runs twice delivers once. Only a crash between the SMTP server's acceptance and
 * the status update sends a second copy, with the same Message-ID. Every attempt is
 * counted on the outbox row and a failure's reason kept there; a failure is retried by
 * the job queue, except a permanent one (see {@link DeliveryFailures}), which marks the
 * email {@code FAILED} at once, as does the last attempt.
 */
@Component
class EmailDelivery implements JobHandler {

	static final String TYPE = "email.deliver";

	private static final Logger logger = LoggerFactory.getLogger(EmailDelivery.class);

	private final OutboxRows rows;

	private final EmailTransport transport;

	private final RetryPolicy retryPolicy;

	private final Clock clock;

	EmailDelivery(OutboxRows rows, EmailTransport transport, NotificationSettings settings) {
		this.rows = rows;
		this.transport = transport;
		this.retryPolicy = settings.delivery().retryPolicy();
		this.clock = Clock.systemUTC();
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public RetryPolicy retryPolicy() {
		return this.retryPolicy;
	}

	@Override
	public void run(JobContext job) throws Exception {
		UUID id = parseId(job.payload());
		StoredEmail email = this.rows.find(id)
			.orElseThrow(() -> new PermanentJobFailure("No email " + id + " in the outbox"));
		if (email.status().delivered()) {
			logger.debug("Email {} is already {}, nothing to do", id, email.status());
			return;
		}
		this.rows.countAttempt(id);
		EmailStatus delivered;
		try {
			delivered = this.transport.deliver(email, recipient(email.recipient()));
		}
		catch (Exception ex) {
			String error = DeliveryFailures.describe(ex);
			boolean permanent = DeliveryFailures.isPermanent(ex);
			this.rows.failed(id, error, permanent || job.attempt() >= this.retryPolicy.maxAttempts());
			if (permanent) {
				throw new PermanentJobFailure("Email " + id + " cannot be delivered: " + error);
			}
			throw ex;
		}
		this.rows.delivered(id, delivered, this.clock.instant());
		logger.debug("Email {} {}", id, delivered);
	}

	private static UUID parseId(String payload) {
		try {
			return UUID.fromString(payload);
		}
		catch (IllegalArgumentException ex) {
			throw new PermanentJobFailure("Not an email id: " + payload);
		}
	}

	/**
	 * The recipient as one plain address, parsed strictly: what the outbox holds must be
	 * exactly what the server is asked to deliver to.
	 * @throws AddressException when it is not a single RFC 822 address
	 */
	static InternetAddress recipient(String to) throws AddressException {
		InternetAddress address = new InternetAddress(to, true);
		address.validate();
		if (!to.equals(address.getAddress()) || address.getPersonal() != null) {
			throw new AddressException("Not one plain address", to);
		}
		return address;
	}

}
