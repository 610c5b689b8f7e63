package org.aula.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.aula.platform.security.PublicEndpoints;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exist only in tests, to drive the platform through situations no
 * business module offers yet: a validated body, a bug, an admin-only action and a slow
 * request.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProbeEndpoints.Probes.class)
public class ProbeEndpoints {

	@Bean
	PublicEndpoints probePublicEndpoints() {
		return PublicEndpoints.of(PublicEndpoints.post("/api/test/echo"), PublicEndpoints.get("/api/test/boom"),
				PublicEndpoints.get("/api/test/pool-exhausted"), PublicEndpoints.get("/api/test/slow"),
				PublicEndpoints.get("/api/test/limited"), PublicEndpoints.get("/api/test/thread"),
				PublicEndpoints.get("/api/test/page"), PublicEndpoints.get("/api/test/missing"));
	}

	record Echo(@NotBlank String name, @Min(1) @Max(10) int count) {
	}

	@RestController
	static class Probes {

		@PostMapping("/api/test/echo")
		Echo echo(@Valid @RequestBody Echo echo) {
			return echo;
		}

		@GetMapping("/api/test/boom")
		String boom() {
			throw new IllegalStateException("internal detail that must not leak");
		}

		@GetMapping("/api/test/pool-exhausted")
		String poolExhausted() {
			throw new org.springframework.transaction.CannotCreateTransactionException(
					"Could not open JDBC Connection for transaction", new java.sql.SQLTransientConnectionException(
							"aula-primary - Connection is not available, request timed out after 5000ms."));
		}

		@GetMapping("/api/test/admin")
		@PreAuthorize("hasRole('ADMIN')")
		String adminOnly() {
			return "ok";
		}

		@GetMapping("/api/test/slow")
		String slow(@RequestParam long millis) throws InterruptedException {
			Thread.sleep(millis);
			return "done";
		}

		@GetMapping("/api/test/thread")
		java.util.Map<String, Object> thread() {
			return java.util.Map.of("virtual", Thread.currentThread().isVirtual());
		}

		@GetMapping("/api/test/page")
		PageResponse<Integer> page(@RequestParam(required = false) Integer page,
				@RequestParam(required = false) Integer size) {
			PageQuery query = PageQuery.of(page, size);
			return PageResponse.of(java.util.List.of(1, 2), query, 2);
		}

		@GetMapping("/api/test/missing")
		String missing() {
			throw new NotFound("Course MAT-101");
		}

		@GetMapping("/api/test/limited")
		String limited() {
			return "ok";
		}

	}

}
