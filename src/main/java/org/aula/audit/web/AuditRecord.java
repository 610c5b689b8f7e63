package org.aula.audit.web;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One stored audit entry as administrators read it.
 *
 * @param id the entry's id
 * @param occurredAt when it was recorded
 * @param actorId who did it, null when nobody was authenticated
 * @param action the dotted verb, e.g. {@code user.invite}
 * @param entityType the kind of entity acted on, may be null
 * @param entityId which entity, may be null
 * @param changes what changed, as a JSON object
 * @param ip the client's address, null outside an HTTP request
 * @param userAgent the client's user agent, null outside an HTTP request
 * @param requestId the request id, null outside an HTTP request
 * @param archivedAt when the entry moved to the archive, null in the live log
 */
record AuditRecord(UUID id, Instant occurredAt, UUID actorId, String action, String entityType, String entityId,
		JsonNode changes, String ip, String userAgent, String requestId, Instant archivedAt) {
}
