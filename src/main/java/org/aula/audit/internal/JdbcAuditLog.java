package org.aula.audit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.aula.audit.AuditEntry;
import org.aula.audit.AuditLog;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit entries with plain SQL on the caller's connection, so they share its
 * transaction.
 */
@Component
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcAuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEntry entry) {
		RequestOrigin origin = RequestOrigin.current();
		UUID actor = (entry.actorId() != null) ? entry.actorId() : origin.actorId();
		// PostgreSQL keeps microseconds; truncating here makes both databases store the
		// same.
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		this.jdbc
			.sql("""
					insert into audit_log (id, occurred_at, actor_id, action, entity_type, entity_id, changes, ip,
					                       user_agent, request_id)
					values (:id, :occurredAt, :actor, :action, :entityType, :entityId, :changes, :ip, :userAgent, :requestId)
					""")
			.param("id", UUID.randomUUID())
			.param("occurredAt", now)
			.param("actor", actor)
			.param("action", entry.action())
			.param("entityType", entry.entityType())
			.param("entityId", entry.entityId())
			.param("changes", changesAsJson(entry))
			.param("ip", origin.ip())
			.param("userAgent", origin.userAgent())
			.param("requestId", origin.requestId())
			.update();
	}

	private String changesAsJson(AuditEntry entry) {
		try {
			return this.json.writeValueAsString(Credentials.removeFrom(this.json.valueToTree(entry.changes())));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Audit changes of " + entry.action() + " are not JSON-serialisable", ex);
		}
	}

}
