package org.aula.platform.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a failing shared store (Redis) away from requests, as decided in
 * {@code docs/adr/0001-token-revocation-when-redis-is-down.md}:
 * <ul>
 * <li>every revocation is kept in this instance's memory too, so this instance refuses
 * the token at once and throughout any outage; one the shared store does not take is
 * written to it in the background until it is written or has expired, so every instance
 * refuses it once the store answers again;</li>
 * <li>a check the shared store cannot answer is answered from this instance's memory
 * alone, so a token revoked only on another instance during the outage is accepted (its
 * signature and expiry are still verified), counted in
 * {@code aula.tokens.revocation.degraded} and logged at WARN at most once a minute.</li>
 * </ul>
 * After a failure requests leave the shared store alone for {@link #RETRY_INTERVAL}, so
 * an unreachable Redis costs them its timeout about once per interval rather than on
 * every request; the background writer keeps trying every interval meanwhile.
 */
final class ResilientTokenRevocations implements TokenRevocations, AutoCloseable {

	static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(ResilientTokenRevocations.class);

	private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

	private final TokenRevocations shared;

	private final InMemoryTokenRevocations local;

	private final Clock clock;

	private final Map<String, Instant> unwritten = new ConcurrentHashMap<>();

	private final AtomicLong sharedRetryAt = new AtomicLong(System.nanoTime());

	private final AtomicBoolean sharedFailing = new AtomicBoolean();

	private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

	private final Counter degradedChecks;

	private final Counter degradedRevocations;

	private final ScheduledExecutorService writer;

	ResilientTokenRevocations(TokenRevocations shared, Clock clock, MeterRegistry meterRegistry) {
		this.shared = shared;
		this.local = new InMemoryTokenRevocations(clock);
		this.clock = clock;
		this.degradedChecks = degradedCounter(meterRegistry, "check",
				"Revocation checks answered from this instance only because the shared store failed");
		this.degradedRevocations = degradedCounter(meterRegistry, "revoke",
				"Revocations kept on this instance and queued because the shared store failed");
		Gauge.builder("aula.tokens.revocation.unwritten", this.unwritten, Map::size)
			.description("Revocations waiting to be written to the shared store")
			.register(meterRegistry);
		this.writer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("aula-revocation-writer").daemon().factory());
		this.writer.scheduleWithFixedDelay(this::writeUnwritten, RETRY_INTERVAL.toMillis(), RETRY_INTERVAL.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private static Counter degradedCounter(MeterRegistry meterRegistry, String operation, String description) {
		return Counter.builder("aula.tokens.revocation.degraded")
			.tag("operation", operation)
			.description(description)
			.register(meterRegistry);
	}

	@Override
	public void revoke(String id, Instant expiresAt) {
		if (!expiresAt.isAfter(this.clock.instant())) {
			return;
		}
		// Kept here even when Redis takes it, so this instance honours every revocation
		// it made throughout a later outage too.
		this.local.revoke(id, expiresAt);
		if (sharedMayAnswer()) {
			try {
				this.shared.revoke(id, expiresAt);
				sharedAnswered();
				return;
			}
			catch (RuntimeException ex) {
				sharedFailed(ex);
			}
		}
		this.unwritten.merge(id, expiresAt, (queued, given) -> queued.isAfter(given) ? queued : given);
		this.degradedRevocations.increment();
	}

	@Override
	public boolean isRevoked(String id) {
		return isAnyRevoked(id);
	}

	@Override
	public boolean isAnyRevoked(String... ids) {
		// This instance's own revocations need no round trip, and those not written yet
		// must win even after the shared store is back but before they reach it.
		if (this.local.isAnyRevoked(ids)) {
			return true;
		}
		if (sharedMayAnswer()) {
			try {
				boolean revoked = this.shared.isAnyRevoked(ids);
				sharedAnswered();
				return revoked;
			}
			catch (RuntimeException ex) {
				sharedFailed(ex);
			}
		}
		this.degradedChecks.increment();
		return false;
	}

	/**
	 * Writes the queued revocations to the shared store until it fails; those that have
	 * expired meanwhile need writing no more.
	 */
	void writeUnwritten() {
		try {
			Instant now = this.clock.instant();
			for (Map.Entry<String, Instant> entry : this.unwritten.entrySet()) {
				if (!entry.getValue().isAfter(now)) {
					this.unwritten.remove(entry.getKey(), entry.getValue());
					continue;
				}
				this.shared.revoke(entry.getKey(), entry.getValue());
				this.unwritten.remove(entry.getKey(), entry.getValue());
				sharedAnswered();
			}
		}
		catch (RuntimeException ex) {
			sharedFailed(ex);
		}
	}

	int unwrittenCount() {
		return this.unwritten.size();
	}

	private boolean sharedMayAnswer() {
		return System.nanoTime() - this.sharedRetryAt.get() >= 0;
	}

	private void sharedFailed(RuntimeException ex) {
		this.sharedRetryAt.set(System.nanoTime() + RETRY_INTERVAL.toNanos());
		this.sharedFailing.set(true);
		long now = System.nanoTime();
		long next = this.nextWarning.get();
		if (now - next >= 0 && this.nextWarning.compareAndSet(next, now + WARNING_INTERVAL)) {
			logger.warn("Shared token revocation store failed ({}): checking against this instance's revocations only"
					+ " and queuing new ones until it answers again", ex.toString());
		}
	}

	private void sharedAnswered() {
		if (this.sharedFailing.get() && this.sharedFailing.compareAndSet(true, false)) {
			this.sharedRetryAt.set(System.nanoTime());
			logger.info("Shared token revocation store answers again; {} queued revocations left to write",
					this.unwritten.size());
		}
	}

	@Override
	public void close() {
		this.writer.shutdownNow();
	}

}
