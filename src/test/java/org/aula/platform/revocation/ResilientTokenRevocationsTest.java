package org.aula.platform.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What happens to revocations while the shared store fails, with a stand-in store that
 * fails on demand; {@code ResilientTokenRevocationsRedisTest} does the same with the real
 * Redis behind a failing network.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResilientTokenRevocationsTest {

	private final MutableClock clock = new MutableClock(Instant.now());

	private final FailingStore shared = new FailingStore(this.clock);

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final ResilientTokenRevocations revocations = new ResilientTokenRevocations(this.shared, this.clock,
			this.meters);

	@AfterEach
	void stopWriter() {
		this.revocations.close();
	}

	@Test
	void aRevocationTheStoreRefusesIsHonouredHereAtOnceAndWrittenWhenTheStoreIsBack() {
		String tokenId = id();
		this.shared.failing = true;

		this.revocations.revoke(tokenId, this.clock.instant().plus(Duration.ofMinutes(15)));

		assertThat(this.revocations.isRevoked(tokenId)).isTrue();
		assertThat(this.shared.store.isRevoked(tokenId)).isFalse();
		assertThat(this.revocations.unwrittenCount()).isOne();
		assertThat(this.meters.counter("aula.tokens.revocation.degraded", "operation", "revoke").count()).isOne();

		this.shared.failing = false;
		this.revocations.writeUnwritten();

		assertThat(this.shared.store.isRevoked(tokenId)).isTrue();
		assertThat(this.revocations.unwrittenCount()).isZero();
		assertThat(this.meters.get("aula.tokens.revocation.unwritten").gauge().value()).isZero();
	}

	@Test
	void aRevocationMadeHereBeforeAnOutageIsStillHonouredHereDuringIt() {
		String tokenId = id();
		this.revocations.revoke(tokenId, this.clock.instant().plus(Duration.ofMinutes(15)));
		assertThat(this.shared.store.isRevoked(tokenId)).isTrue();

		this.shared.failing = true;

		assertThat(this.revocations.isAnyRevoked(id(), tokenId)).isTrue();
		assertThat(this.revocations.unwrittenCount()).isZero();
	}

	@Test
	void theBackgroundWriterDeliversQueuedRevocationsWithoutBeingAsked() {
		String tokenId = id();
		this.shared.failing = true;
		this.revocations.revoke(tokenId, this.clock.instant().plus(Duration.ofMinutes(15)));

		this.shared.failing = false;

		await().atMost(Duration.ofSeconds(5)).until(() -> this.shared.store.isRevoked(tokenId));
		assertThat(this.revocations.unwrittenCount()).isZero();
	}

	@Test
	void aQueuedRevocationWhoseTokenHasExpiredIsNeverWritten() {
		String tokenId = id();
		this.shared.failing = true;
		this.revocations.revoke(tokenId, this.clock.instant().plus(Duration.ofMinutes(15)));

		this.clock.advance(Duration.ofMinutes(16));
		this.shared.failing = false;
		this.revocations.writeUnwritten();

		assertThat(this.revocations.unwrittenCount()).isZero();
		assertThat(this.shared.writes.get()).isZero();
	}

	@Test
	void aCheckTheStoreCannotAnswerAcceptsTheTokenAndIsCounted() {
		String revokedElsewhere = id();
		this.shared.store.revoke(revokedElsewhere, this.clock.instant().plus(Duration.ofMinutes(15)));
		this.shared.failing = true;

		assertThat(this.revocations.isRevoked(revokedElsewhere)).isFalse();
		assertThat(this.revocations.isAnyRevoked(id(), revokedElsewhere)).isFalse();
		assertThat(this.meters.counter("aula.tokens.revocation.degraded", "operation", "check").count()).isEqualTo(2);
	}

	@Test
	void afterAFailureRequestsLeaveTheStoreAloneForTheRetryInterval() {
		this.shared.failing = true;
		this.revocations.isRevoked(id());
		int callsAfterFirstFailure = this.shared.calls.get();

		for (int i = 0; i < 100; i++) {
			this.revocations.isRevoked(id());
		}

		assertThat(this.shared.calls.get()).isEqualTo(callsAfterFirstFailure);
		this.shared.failing = false;
		String revoked = id();
		this.shared.store.revoke(revoked, this.clock.instant().plus(Duration.ofMinutes(15)));
		await().atMost(ResilientTokenRevocations.RETRY_INTERVAL.multipliedBy(3))
			.until(() -> this.revocations.isRevoked(revoked));
	}

	@Test
	void warnsOnceForAnOutageNotOnEveryRequest(CapturedOutput output) {
		this.shared.failing = true;

		for (int i = 0; i < 5; i++) {
			this.revocations.revoke(id(), this.clock.instant().plus(Duration.ofMinutes(15)));
			this.revocations.isRevoked(id());
		}

		assertThat(output.getAll().split("Shared token revocation store failed", -1)).hasSize(2);
	}

	private static String id() {
		return "jti:" + UUID.randomUUID();
	}

	/** A shared store that throws like an unreachable Redis while {@code failing}. */
	static final class FailingStore implements TokenRevocations {

		final InMemoryTokenRevocations store;

		final AtomicInteger calls = new AtomicInteger();

		final AtomicInteger writes = new AtomicInteger();

		volatile boolean failing;

		FailingStore(Clock clock) {
			this.store = new InMemoryTokenRevocations(clock);
		}

		@Override
		public void revoke(String id, Instant expiresAt) {
			answer();
			this.writes.incrementAndGet();
			this.store.revoke(id, expiresAt);
		}

		@Override
		public boolean isRevoked(String id) {
			answer();
			return this.store.isRevoked(id);
		}

		@Override
		public boolean isAnyRevoked(String... ids) {
			answer();
			return this.store.isAnyRevoked(ids);
		}

		private void answer() {
			this.calls.incrementAndGet();
			if (this.failing) {
				throw new QueryTimeoutException("Redis command timed out");
			}
		}

	}

}
