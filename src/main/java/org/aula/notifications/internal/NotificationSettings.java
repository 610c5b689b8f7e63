package org.aula.notifications.internal;

import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.aula.platform.jobs.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aula.notifications.*}: who emails come from and how delivery is retried. The
 * SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the From address, with an optional display name:
 * {@code Aula <no-reply@example.org>}; its domain also ends every Message-ID
 * @param delivery how a failed delivery is retried
 */
@ConfigurationProperties("aula.notifications")
record NotificationSettings(@DefaultValue("Aula <no-reply@aula.local>") String from, @DefaultValue Delivery delivery) {

	NotificationSettings {
		fromAddress(from);
	}

	/** The From address, parsed strictly. */
	InternetAddress fromAddress() {
		return fromAddress(this.from);
	}

	private static InternetAddress fromAddress(String from) {
		try {
			InternetAddress address = new InternetAddress(from, true);
			address.validate();
			return address;
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException(
					"aula.notifications.from must be an address such as 'Aula <no-reply@example.org>': " + from, ex);
		}
	}

	/**
	 * Retries of an email whose delivery failed: attempt {@code n} waits
	 * {@code firstRetryDelay * 2^(n-1)}, at most {@code maxRetryDelay}. The defaults ride
	 * out an SMTP outage of about two hours.
	 *
	 * @param maxAttempts attempts before the email is given up as {@code FAILED}
	 * @param firstRetryDelay the wait after the first failure
	 * @param maxRetryDelay the longest wait between two attempts
	 */
	record Delivery(@DefaultValue("10") int maxAttempts, @DefaultValue("30s") Duration firstRetryDelay,
			@DefaultValue("30m") Duration maxRetryDelay) {

		Delivery {
			try {
				new RetryPolicy(maxAttempts, firstRetryDelay, maxRetryDelay);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("aula.notifications.delivery: max-attempts must be at least 1 and"
						+ " max-retry-delay at least first-retry-delay", ex);
			}
		}

		RetryPolicy retryPolicy() {
			return new RetryPolicy(this.maxAttempts, this.firstRetryDelay, this.maxRetryDelay);
		}

	}

}
