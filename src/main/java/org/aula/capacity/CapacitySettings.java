package org.aula.capacity;

import java.time.Duration;

import org.aula.platform.config.InvalidPlatformConfiguration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * When the capacity advisor warns and when it says to act, per signal, each in the
 * signal's own unit. A value at or above {@code warning} is a warning, at or above
 * {@code act} it is time to act. Thresholds left out take the defaults below.
 *
 * @param activeUsers distinct signed-in users in the last five minutes (every instance's
 * when active users are counted in Redis): 200 / 300
 * @param requestsPerSecond requests this instance served per second over the last minute:
 * 50 / 100
 * @param dbConnections connections of this instance's primary pool in use: 30 / 40,
 * scaled down in proportion when the pool is smaller than the act threshold
 * @param p95LatencyMs 95th percentile of this instance's request durations over the last
 * minute, in milliseconds: 300 / 500
 * @param memoryMb this instance's resident memory in MB: 350 / 400, scaled down in
 * proportion when the memory limit is smaller than the act threshold
 * @param cacheMissPercent share of cache lookups in the last minute that had to load from
 * the database, in percent: 30 / 50
 * @param queuedJobs jobs waiting for a worker, in the whole deployment: 1,000 / 5,000
 * @param chatSockets chat sockets open on this instance: 3,000 / 5,000
 * @param memoryLimit what an instance may use when no cgroup memory limit says
 * @param cacheMinLookups with fewer cache lookups than this in the last minute the cache
 * signal stays ok: too few to judge
 * @param refresh how long one evaluation is reused by the endpoint and the gauges
 */
@ConfigurationProperties("aula.capacity")
record CapacitySettings(Limits activeUsers, Limits requestsPerSecond, Limits dbConnections, Limits p95LatencyMs,
		Limits memoryMb, Limits cacheMissPercent, Limits queuedJobs, Limits chatSockets,
		@DefaultValue("512MB") DataSize memoryLimit, @DefaultValue("100") long cacheMinLookups,
		@DefaultValue("5s") Duration refresh) {

	CapacitySettings {
		activeUsers = Limits.resolve(activeUsers, "active-users", 200, 300);
		requestsPerSecond = Limits.resolve(requestsPerSecond, "requests-per-second", 50, 100);
		dbConnections = Limits.resolve(dbConnections, "db-connections", 30, 40);
		p95LatencyMs = Limits.resolve(p95LatencyMs, "p95-latency-ms", 300, 500);
		memoryMb = Limits.resolve(memoryMb, "memory-mb", 350, 400);
		cacheMissPercent = Limits.resolve(cacheMissPercent, "cache-miss-percent", 30, 50);
		queuedJobs = Limits.resolve(queuedJobs, "queued-jobs", 1000, 5000);
		chatSockets = Limits.resolve(chatSockets, "chat-sockets", 3000, 5000);
		if (memoryLimit.toBytes() <= 0) {
			throw new InvalidPlatformConfiguration("aula.capacity.memory-limit must be positive, not " + memoryLimit);
		}
		if (cacheMinLookups < 0) {
			throw new InvalidPlatformConfiguration(
					"aula.capacity.cache-min-lookups must be 0 or more, not " + cacheMinLookups);
		}
		if (refresh.isNegative()) {
			throw new InvalidPlatformConfiguration("aula.capacity.refresh must not be negative, not " + refresh);
		}
	}

	static CapacitySettings defaults() {
		return new CapacitySettings(null, null, null, null, null, null, null, null, DataSize.ofMegabytes(512), 100,
				Duration.ofSeconds(5));
	}

	/**
	 * One signal's thresholds.
	 *
	 * @param warning from here on the signal is a warning
	 * @param act from here on it is time to act
	 */
	record Limits(Double warning, Double act) {

		static Limits resolve(Limits given, String name, double warning, double act) {
			double resolvedWarning = (given != null && given.warning() != null) ? given.warning() : warning;
			double resolvedAct = (given != null && given.act() != null) ? given.act() : act;
			if (resolvedWarning < 0 || resolvedAct < resolvedWarning || Double.isNaN(resolvedAct)) {
				throw new InvalidPlatformConfiguration(
						"aula.capacity.%s needs 0 <= warning <= act, not warning=%s and act=%s".formatted(name,
								Signal.format(resolvedWarning), Signal.format(resolvedAct)));
			}
			return new Limits(resolvedWarning, resolvedAct);
		}

		/**
		 * These thresholds, scaled down in proportion when what is measured cannot reach
		 * the act threshold: a pool of 10 connections is exhausted long before 40 are in
		 * use.
		 * @param capacity the most the value can be, or {@code null} when unknown
		 * @return thresholds that the value can reach
		 */
		Limits cappedAt(Double capacity) {
			if (capacity == null || capacity <= 0 || this.act <= capacity) {
				return this;
			}
			return new Limits(this.warning * capacity / this.act, capacity);
		}

		SignalState stateOf(double value) {
			if (value >= this.act) {
				return SignalState.ACT_NOW;
			}
			return (value >= this.warning) ? SignalState.WARNING : SignalState.OK;
		}

	}

}
