package org.aula.catalog;

import java.util.Map;
import java.util.UUID;

import org.aula.audit.AuditEntry;
import org.aula.audit.AuditLog;

import org.springframework.stereotype.Component;

/** The catalog's audit actions, recorded in the caller's transaction. */
@Component
class CatalogAudit {

	private final AuditLog log;

	CatalogAudit(AuditLog log) {
		this.log = log;
	}

	void course(String action, UUID courseId, Map<String, ?> changes) {
		this.log.record(AuditEntry.of(action, "course", courseId.toString(), changes));
	}

	void module(String action, UUID moduleId, Map<String, ?> changes) {
		this.log.record(AuditEntry.of(action, "module", moduleId.toString(), changes));
	}

	void lesson(String action, UUID lessonId, Map<String, ?> changes) {
		this.log.record(AuditEntry.of(action, "lesson", lessonId.toString(), changes));
	}

}
