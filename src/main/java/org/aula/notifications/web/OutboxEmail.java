package org.aula.notifications.web;

import java.time.Instant;
import java.util.UUID;

/**
 * One email in the outbox as administrators read it.
 *
 * @param id the email's id
 * @param recipient the address it goes to
 * @param subject its subject
 * @param body its text in the embedded mode; null in the shared mode, where bodies (which
 * hold one-time links) leave only through SMTP
 * @param status {@code PENDING} (waiting or being retried), {@code SENT} (accepted by the
 * SMTP server), {@code LOGGED} (written to the log: no SMTP server) or {@code FAILED}
 * (given up)
 * @param attempts delivery attempts so far
 * @param lastError why the last failed attempt failed, or null
 * @param createdAt when it was queued
 * @param sentAt when it was delivered, null until then
 */
record OutboxEmail(UUID id, String recipient, String subject, String body, String status, int attempts,
		String lastError, Instant createdAt, Instant sentAt) {
}
