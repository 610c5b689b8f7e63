package org.aula.capacity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aula.platform.config.SwitchableAdapter;

import org.springframework.core.env.Environment;

/**
 * What this instance runs on, as its resolved configuration says: enough to tell its
 * scaling stage and to name the settings that lead to the next one.
 *
 * @param stores each switchable adapter's store setting and its value ({@code memory} or
 * {@code redis}), in the order the start-up report lists them
 * @param embedded whether the database is the embedded H2
 * @param redisConfigured whether a Redis server, Sentinel or Cluster is configured
 * @param replica whether a read replica is configured
 * @param jobWorker whether this instance runs background jobs
 * @param jobWorkerThreads how many jobs it runs at once
 * @param primaryPool the name of the primary database pool
 */
record Deployment(Map<String, String> stores, boolean embedded, boolean redisConfigured, boolean replica,
		boolean jobWorker, int jobWorkerThreads, String primaryPool) {

	Deployment {
		stores = Collections.unmodifiableMap(new LinkedHashMap<>(stores));
	}

	static Deployment from(Environment environment) {
		Map<String, String> stores = new LinkedHashMap<>();
		for (SwitchableAdapter adapter : SwitchableAdapter.values()) {
			stores.put(adapter.property(), environment.getProperty(adapter.property(), "memory"));
		}
		return new Deployment(stores, environment.getProperty("aula.embedded", Boolean.class, false),
				environment.getProperty("aula.redis.enabled", Boolean.class, false),
				!environment.getProperty("aula.database.replica.url", "").isBlank(),
				environment.getProperty("aula.jobs.worker.enabled", Boolean.class, true),
				environment.getProperty("aula.jobs.worker.threads", Integer.class, 4),
				environment.getProperty("spring.datasource.hikari.pool-name", "aula-primary"));
	}

	/**
	 * @return the store settings of the adapters still kept in this instance's memory
	 */
	List<String> memoryStores() {
		return this.stores.entrySet()
			.stream()
			.filter((store) -> !"redis".equals(store.getValue()))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * 1: one instance, everything in memory; 2: several instances sharing PostgreSQL and
	 * Redis; 3: and besides, API instances apart from job workers, and a read replica.
	 * Only an API instance knows the tiers are split, so a worker instance of a split
	 * deployment reports stage 2.
	 * @return this instance's stage
	 */
	int stage() {
		if (this.embedded || !memoryStores().isEmpty()) {
			return 1;
		}
		return (this.replica && !this.jobWorker) ? 3 : 2;
	}

}
