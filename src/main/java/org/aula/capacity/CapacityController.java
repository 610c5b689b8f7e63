package org.aula.capacity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells admins whether, and how, to scale out. */
@RestController
@Tag(name = "Capacity")
@PreAuthorize("hasRole('ADMIN')")
class CapacityController {

	private final CapacityAdvisor advisor;

	CapacityController(CapacityAdvisor advisor) {
		this.advisor = advisor;
	}

	@GetMapping("/api/admin/capacity")
	@Operation(summary = "Capacity signals, the current and recommended scaling stage, and the next steps",
			description = "Each signal (active users, requests per second, database connections, p95 latency,"
					+ " memory, cache misses, queued jobs, chat sockets) has its value, unit, warning and act"
					+ " thresholds and a state: ok, warning or act-now. Rates and latency cover the last minute;"
					+ " everything but active users and queued jobs is this instance's. The stage (1 one instance,"
					+ " 2 several instances on PostgreSQL and Redis, 3 separate tiers and a read replica) comes from"
					+ " the configuration; the recommended stage is the next one when any signal is act-now. steps"
					+ " name the settings to change. Evaluated at most every aula.capacity.refresh (5 s).")
	CapacityAdvice capacity() {
		return this.advisor.advice();
	}

}
