package org.aula.notifications.web;

import java.time.Instant;
import java.util.UUID;

/**
 * One email in the outbox as administrators read it.
 *
 * @param id the email's id
 * @param recipient the address it goes to
 * @param subject its subject
 * @param body its text
 * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
 * @param createdAt when it was queued
 * @param sentAt when it was delivered, null until then
 */
record OutboxEmail(UUID id, String recipient, String subject, String body, String status, Instant createdAt,
		Instant sentAt) {
}
