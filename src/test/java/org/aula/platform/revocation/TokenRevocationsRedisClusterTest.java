package org.aula.platform.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.lettuce.core.cluster.SlotHash;
import org.aula.testsupport.RedisCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Token revocations keep their contract on a Redis Cluster of three primaries. */
class TokenRevocationsRedisClusterTest extends TokenRevocationsContract {

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final LettuceConnectionFactory connectionFactory = RedisCluster.connectionFactory(Duration.ofMillis(500));

	@AfterEach
	void closeConnections() {
		this.connectionFactory.destroy();
	}

	@Override
	TokenRevocations createRevocations() {
		return new RedisTokenRevocations(new StringRedisTemplate(this.connectionFactory), this.keyPrefix,
				Clock.systemUTC());
	}

	@Test
	void checksIdsWhoseKeysLiveInDifferentSlotsAtOnce() {
		String[] ids = idsInDifferentSlots();

		this.revocations.revoke(ids[1], Instant.now().plus(Duration.ofMinutes(15)));

		assertThat(createRevocations().isAnyRevoked(ids)).isTrue();
		assertThat(createRevocations().isAnyRevoked(ids[0], ids[2])).isFalse();
	}

	private String[] idsInDifferentSlots() {
		String[] ids = new String[3];
		int found = 0;
		while (found < ids.length) {
			String candidate = tokenId();
			int slot = SlotHash.getSlot(this.keyPrefix + "revoked:" + candidate);
			boolean newSlotRange = true;
			for (int i = 0; i < found; i++) {
				newSlotRange &= slot / 5461 != SlotHash.getSlot(this.keyPrefix + "revoked:" + ids[i]) / 5461;
			}
			if (newSlotRange) {
				ids[found++] = candidate;
			}
		}
		return ids;
	}

}
