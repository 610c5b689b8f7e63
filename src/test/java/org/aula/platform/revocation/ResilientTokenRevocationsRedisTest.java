package org.aula.platform.revocation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.TcpProxy;
import org.aula.testsupport.RequiresRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on the real Redis, one of them reaching it through a network that the
 * test breaks (the Redis server itself keeps running): requests never fail or wait beyond
 * the Redis timeout, and a logout acknowledged during the outage reaches the other
 * instance once Redis answers again.
 */
@RequiresRedis
class ResilientTokenRevocationsRedisTest {

	private final TestRedis redis = new TestRedis();

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private TcpProxy network;

	private ResilientTokenRevocations behindNetwork;

	private TokenRevocations otherInstance;

	@BeforeEach
	void startInstances() throws IOException {
		this.network = TcpProxy.toRedis(ExternalServices.REDIS_URL).start();
		this.behindNetwork = resilient(this.network.redisUrl());
		this.otherInstance = new RedisTokenRevocations(this.redis.template(ExternalServices.REDIS_URL), this.keyPrefix,
				Clock.systemUTC());
	}

	@AfterEach
	void stopInstances() throws IOException {
		this.behindNetwork.close();
		this.redis.close();
		this.network.close();
	}

	@Test
	void aLogoutDuringAnOutageIsHonouredHereAtOnceAndByEveryInstanceOnceRedisIsBack() {
		String tokenId = id();
		this.network.stop();

		this.behindNetwork.revoke(tokenId, Instant.now().plus(Duration.ofMinutes(15)));

		assertThat(this.behindNetwork.isRevoked(tokenId)).isTrue();
		assertThat(this.otherInstance.isRevoked(tokenId)).isFalse();

		this.network.resume();
		this.network.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.otherInstance.isRevoked(tokenId));
		assertThat(this.behindNetwork.unwrittenCount()).isZero();
	}

	@Test
	void aRedisThatStopsAnsweringCostsOneTimeoutNotAHangAndNotAnError() {
		String revokedElsewhere = id();
		this.behindNetwork.isRevoked(id());
		this.otherInstance.revoke(revokedElsewhere, Instant.now().plus(Duration.ofMinutes(15)));
		this.network.stall();

		long started = System.nanoTime();
		boolean revoked = this.behindNetwork.isRevoked(revokedElsewhere);
		Duration firstCheck = Duration.ofNanos(System.nanoTime() - started);

		assertThat(revoked).as("accepted: only this instance's revocations can be checked").isFalse();
		assertThat(firstCheck).isLessThan(TestRedis.TIMEOUT.plusMillis(400));
		started = System.nanoTime();
		for (int i = 0; i < 100; i++) {
			this.behindNetwork.isRevoked(id());
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TestRedis.TIMEOUT);
		assertThat(this.meters.counter("aula.tokens.revocation.degraded", "operation", "check").count())
			.isGreaterThanOrEqualTo(101);
	}

	@Test
	void aRevocationWhileRedisHangsIsAcknowledgedWithinTheTimeoutAndWrittenLater() {
		String tokenId = id();
		this.behindNetwork.isRevoked(id());
		this.network.stall();

		long started = System.nanoTime();
		this.behindNetwork.revoke(tokenId, Instant.now().plus(Duration.ofMinutes(15)));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TestRedis.TIMEOUT.plusMillis(400));
		assertThat(this.behindNetwork.isRevoked(tokenId)).isTrue();

		this.network.stop();
		this.network.resume();
		this.network.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.otherInstance.isRevoked(tokenId));
	}

	@Test
	void aClientPointedAtAClosedPortNeverThrows() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		try (ResilientTokenRevocations nowhere = resilient("redis://127.0.0.1:" + closedPort)) {
			String tokenId = id();

			nowhere.revoke(tokenId, Instant.now().plus(Duration.ofMinutes(15)));

			assertThat(nowhere.isRevoked(tokenId)).isTrue();
			assertThat(nowhere.isAnyRevoked(id(), id())).isFalse();
			assertThat(nowhere.unwrittenCount()).isOne();
		}
	}

	private ResilientTokenRevocations resilient(String url) {
		return new ResilientTokenRevocations(
				new RedisTokenRevocations(this.redis.template(url), this.keyPrefix, Clock.systemUTC()),
				Clock.systemUTC(), this.meters);
	}

	private static String id() {
		return "jti:" + UUID.randomUUID();
	}

}
