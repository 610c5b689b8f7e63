package org.aula.capacity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The configuration changes that lead to the recommended stage and relieve the signals
 * that are not ok, in Aula's own setting names.
 */
final class ScalingSteps {

	private ScalingSteps() {
	}

	static List<String> of(Deployment deployment, int stage, int recommendedStage, List<Signal> signals) {
		Set<String> steps = new LinkedHashSet<>();
		if (recommendedStage > stage) {
			if (stage == 1) {
				towardsSeveralInstances(deployment, steps);
			}
			else {
				towardsSeparateTiers(deployment, steps);
			}
		}
		for (Signal signal : signals) {
			if (signal.state() != SignalState.OK) {
				forSignal(signal, deployment, stage, steps);
			}
		}
		return List.copyOf(steps);
	}

	private static void towardsSeveralInstances(Deployment deployment, Set<String> steps) {
		if (deployment.embedded()) {
			steps.add("Move the database to PostgreSQL: set AULA_DATABASE_URL (jdbc:postgresql://...),"
					+ " AULA_DATABASE_USERNAME and AULA_DATABASE_PASSWORD; the embedded H2 serves one instance only");
		}
		if (!deployment.redisConfigured()) {
			steps.add("Set AULA_REDIS_URL and run a second instance behind the load balancer"
					+ " (see README 'Multi-instance topology'); every adapter then moves to Redis");
		}
		else {
			List<String> memory = deployment.memoryStores();
			if (!memory.isEmpty()) {
				steps.add("Set " + String.join(", ", memory.stream().map((store) -> store + "=redis").toList())
						+ " (or leave them unset so that aula.adapters.store decides):"
						+ " instances must share these adapters");
			}
			steps.add("Run a second instance behind the load balancer (see README 'Multi-instance topology')");
		}
		steps.add("Give every instance the same AULA_JWT_SECRET and the same media: AULA_MEDIA_DIRECTORY on"
				+ " shared storage, or AULA_MEDIA_PUBLIC_BASE_URL");
		steps.add("Set AULA_DATABASE_EXPECTED_INSTANCES to the number of instances, so start-up checks"
				+ " instances × AULA_DATABASE_POOL_SIZE against PostgreSQL's max_connections");
	}

	private static void towardsSeparateTiers(Deployment deployment, Set<String> steps) {
		if (!deployment.replica()) {
			steps.add("Set AULA_DATABASE_REPLICA_URL: read-only transactions (admin views, reports, grades)"
					+ " then go to a read replica");
		}
		if (deployment.jobWorker()) {
			steps.add("Run worker instances with AULA_JOBS_WORKER_ENABLED=true and API instances with"
					+ " AULA_JOBS_WORKER_ENABLED=false (deploy/k8s has a Deployment for each)");
		}
		steps.add("Serve /ws/chat from instances of their own behind a separate load-balancer route,"
				+ " so that chat sockets and API requests scale apart");
	}

	private static void forSignal(Signal signal, Deployment deployment, int stage, Set<String> steps) {
		switch (signal.name()) {
			case CapacityAdvisor.ACTIVE_USERS, CapacityAdvisor.REQUESTS_PER_SECOND -> {
				if (stage >= 2) {
					addInstances(steps);
				}
			}
			case CapacityAdvisor.P95_LATENCY -> {
				steps.add("Find the slow routes (latency by uri on the dashboard) and whether requests wait"
						+ " for database connections (hikaricp_connections_pending)");
				if (stage >= 2) {
					addInstances(steps);
				}
			}
			case CapacityAdvisor.DB_CONNECTIONS -> {
				String now = (signal.limit() != null) ? " (now " + Signal.format(signal.limit()) + ")" : "";
				steps.add("Raise AULA_DATABASE_POOL_SIZE" + now + " while instances × AULA_DATABASE_POOL_SIZE"
						+ " stays below PostgreSQL's max_connections; set AULA_DATABASE_EXPECTED_INSTANCES so that"
						+ " start-up checks it (docs/operations.md, 'Pool sizing')");
				if (stage >= 2 && !deployment.replica()) {
					steps.add("Set AULA_DATABASE_REPLICA_URL so that read-only transactions leave the primary's pool");
				}
			}
			case CapacityAdvisor.MEMORY -> steps.add("Give each instance more memory (the container's memory limit;"
					+ " the heap follows it through -XX:MaxRAMPercentage) or spread the users over more instances");
			case CapacityAdvisor.CACHE_MISSES -> steps.add("Raise aula.cache.default-max-size and"
					+ " aula.cache.default-ttl, or aula.cache.caches.<name>.max-size and .ttl for the caches that"
					+ " miss (aula_cache_gets_total by cache)");
			case CapacityAdvisor.QUEUED_JOBS -> steps.add(deployment.jobWorker()
					? "Raise AULA_JOBS_WORKER_THREADS (now " + deployment.jobWorkerThreads()
							+ ") or run more instances with AULA_JOBS_WORKER_ENABLED=true"
					: "Run more worker instances (AULA_JOBS_WORKER_ENABLED=true) or raise their"
							+ " AULA_JOBS_WORKER_THREADS; this instance runs no jobs");
			case CapacityAdvisor.CHAT_SOCKETS -> steps.add("Spread chat sockets over more instances; beyond that,"
					+ " serve /ws/chat from instances of their own behind a separate load-balancer route");
			default -> {
			}
		}
	}

	private static void addInstances(Set<String> steps) {
		steps.add("Add instances behind the load balancer (in Kubernetes, maxReplicas in deploy/k8s/hpa.yaml)"
				+ " and raise AULA_DATABASE_EXPECTED_INSTANCES with them");
	}

}
