package org.aula.platform.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;

/**
 * Revocations in this instance's memory, each dropped at its expiry. There is
 * deliberately no size bound: evicting a live revocation would make a revoked token valid
 * again, and the number of revocations is bounded by the token lifetime anyway.
 */
final class InMemoryTokenRevocations implements TokenRevocations {

	private final Clock clock;

	private final Cache<String, Instant> revoked;

	InMemoryTokenRevocations(Clock clock) {
		this.clock = clock;
		this.revoked = Caffeine.newBuilder()
			.expireAfter(Expiry.writing((String id, Instant expiresAt) -> remaining(expiresAt)))
			.scheduler(Scheduler.systemScheduler())
			.build();
	}

	@Override
	public void revoke(String id, Instant expiresAt) {
		if (remaining(expiresAt).isPositive()) {
			this.revoked.put(id, expiresAt);
		}
	}

	@Override
	public boolean isRevoked(String id) {
		return this.revoked.getIfPresent(id) != null;
	}

	@Override
	public boolean isAnyRevoked(String... ids) {
		for (String id : ids) {
			if (isRevoked(id)) {
				return true;
			}
		}
		return false;
	}

	private Duration remaining(Instant expiresAt) {
		return Duration.between(this.clock.instant(), expiresAt);
	}

}
