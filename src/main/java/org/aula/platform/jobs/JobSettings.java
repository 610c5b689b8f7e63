package org.aula.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job queue's settings.
 *
 * @param worker whether and how this instance runs jobs
 * @param serialRetryDelay how long a job waits before trying again when another job holds
 * its serial key
 * @param serialLease how long a serial key stays claimed by a job whose instance vanished
 * @param succeededRetention how long finished jobs stay in the ledger before cleanup
 * @param metricsRefresh how often the queue-length gauges are read from the database
 */
@ConfigurationProperties("aula.jobs")
public record JobSettings(@DefaultValue Worker worker, @DefaultValue("2s") Duration serialRetryDelay,
		@DefaultValue("30m") Duration serialLease, @DefaultValue("14d") Duration succeededRetention,
		@DefaultValue("15s") Duration metricsRefresh) {

	/**
	 * A worker polls the queue and runs due jobs and schedules.
	 *
	 * @param enabled {@code false} makes an API-only instance that enqueues but never
	 * runs jobs
	 * @param threads jobs run at once on this instance: the bound on fan-out
	 * @param pollingInterval how often an idle worker looks for due jobs
	 * @param heartbeatInterval how often a worker marks the jobs it runs as alive
	 * @param missedHeartbeats heartbeats missed before another worker takes a job over
	 * @param shutdownMaxWait how long shutdown waits for running jobs before interrupting
	 * them (they are then handed to another instance)
	 */
	public record Worker(@DefaultValue("true") boolean enabled, @DefaultValue("4") int threads,
			@DefaultValue("1s") Duration pollingInterval, @DefaultValue("30s") Duration heartbeatInterval,
			@DefaultValue("4") int missedHeartbeats, @DefaultValue("10s") Duration shutdownMaxWait) {

		public Worker {
			if (threads < 1) {
				throw new IllegalArgumentException("aula.jobs.worker.threads must be at least 1");
			}
			if (missedHeartbeats < 1) {
				throw new IllegalArgumentException("aula.jobs.worker.missed-heartbeats must be at least 1");
			}
		}

		/** How long a silent job lasts before another worker takes it over. */
		public Duration takeoverAfter() {
			return this.heartbeatInterval.multipliedBy(this.missedHeartbeats);
		}

	}

}
