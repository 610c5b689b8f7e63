package org.aula.platform.health;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.aula.platform.web.ProblemResponses;
import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Probes for load balancers and orchestrators. Liveness never touches the database: a
 * slow database must not get healthy instances restarted. Readiness does, and says which
 * dependency failed.
 */
@RestController
@Tag(name = "Platform")
class HealthController {

	private final ReadinessProbe readiness;

	HealthController(ReadinessProbe readiness) {
		this.readiness = readiness;
	}

	@GetMapping("/api/health")
	@Operation(summary = "Liveness: the process is up (no dependency is checked)")
	Map<String, String> health() {
		return Map.of("status", "UP");
	}

	@GetMapping("/api/ready")
	@Operation(summary = "Readiness: accepting traffic, database and (if configured) Redis answer")
	ResponseEntity<?> ready(HttpServletRequest request) {
		Map<String, ReadinessProbe.Status> checks = this.readiness.check();
		if (!checks.containsValue(ReadinessProbe.Status.DOWN)) {
			String status = checks.containsValue(ReadinessProbe.Status.DEGRADED) ? "DEGRADED" : "UP";
			return ResponseEntity.ok(Map.of("status", status, "checks", checks));
		}
		String failed = String.join(", ",
				checks.entrySet()
					.stream()
					.filter((check) -> check.getValue() == ReadinessProbe.Status.DOWN)
					.map(Map.Entry::getKey)
					.toList());
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE,
				ProblemTypes.SERVICE_UNAVAILABLE, "Not ready: " + failed + " down.", request);
		problem.setProperty("checks", checks);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
