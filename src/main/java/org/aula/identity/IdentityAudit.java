package org.aula.identity;

import java.util.Map;
import java.util.UUID;

import org.aula.audit.AuditEntry;
import org.aula.audit.AuditLog;

import org.springframework.stereotype.Component;

/** The identity module's audit actions, in one place so their names stay consistent. */
@Component
class IdentityAudit {

	private final AuditLog log;

	IdentityAudit(AuditLog log) {
		this.log = log;
	}

	/** An action by the authenticated caller on a user. */
	void user(String action, UUID userId, Map<String, Object> changes) {
		this.log.record(AuditEntry.of(action, "user", userId.toString(), changes));
	}

	/**
	 * An action whose actor is known but not yet authenticated (a login, a registration).
	 */
	void userBy(UUID actorId, String action, UUID userId, Map<String, Object> changes) {
		this.log.record(AuditEntry.of(action, "user", userId.toString(), changes).by(actorId));
	}

	/** An anonymous action, such as a failed login. */
	void anonymous(String action, Map<String, Object> changes) {
		this.log.record(AuditEntry.of(action, null, null, changes));
	}

	void invitation(String action, UUID invitationId, Map<String, Object> changes) {
		this.log.record(AuditEntry.of(action, "invitation", invitationId.toString(), changes));
	}

}
