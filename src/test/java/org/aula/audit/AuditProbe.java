package org.aula.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.platform.security.PublicEndpoints;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that record an audit entry while serving a real HTTP request, the
 * way a module's controller will: one for an authenticated caller and one that anybody
 * may call (a login, say), optionally naming the actor.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(AuditProbe.Probe.class)
class AuditProbe {

	static final String ACTION = "probe.something-done";

	@Bean
	PublicEndpoints auditProbePublicEndpoints() {
		return PublicEndpoints.of(PublicEndpoints.post("/api/test/audit/anonymous"));
	}

	@RestController
	static class Probe {

		private final AuditLog auditLog;

		Probe(AuditLog auditLog) {
			this.auditLog = auditLog;
		}

		@PostMapping("/api/test/audit")
		void authenticated(@RequestParam String entityId) {
			this.auditLog.record(AuditEntry.of(ACTION, "probe", entityId,
					Map.of("title", "Algebra", "password", "hunter2", "roles", List.of(Map.of("accessToken", "t")))));
		}

		@PostMapping("/api/test/audit/anonymous")
		void anonymous(@RequestParam String entityId, @RequestParam(required = false) UUID actor) {
			this.auditLog.record(AuditEntry.of(ACTION, "probe", entityId).by(actor));
		}

	}

}
