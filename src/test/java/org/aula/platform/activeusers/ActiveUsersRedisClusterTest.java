package org.aula.platform.activeusers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.cluster.SlotHash;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.testsupport.RedisCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Active users keep their contract on a Redis Cluster of three primaries. */
class ActiveUsersRedisClusterTest extends ActiveUsersContract {

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final LettuceConnectionFactory connectionFactory = RedisCluster.connectionFactory(Duration.ofMillis(500));

	private final List<RedisActiveUsers> instances = new ArrayList<>();

	@AfterEach
	void closeConnections() {
		this.instances.forEach(RedisActiveUsers::close);
		this.connectionFactory.destroy();
	}

	@Override
	RedisActiveUsers createActiveUsers(Clock clock) {
		RedisActiveUsers instance = new RedisActiveUsers(new StringRedisTemplate(this.connectionFactory),
				this.keyPrefix, clock, Duration.ofHours(1), new SimpleMeterRegistry());
		this.instances.add(instance);
		return instance;
	}

	@Test
	void countsTheWholeWindowAcrossInstancesWithItsMinutesInOneSlot() {
		RedisActiveUsers other = createActiveUsers(this.clock);
		this.activeUsers.seen("ana");
		for (int minute = 0; minute < 4; minute++) {
			this.clock.advance(Duration.ofMinutes(1));
			other.seen("user-" + minute);
		}

		other.flush();

		assertThat(this.activeUsers.count()).isEqualTo(5);
		long now = this.clock.millis() / 60_000;
		String prefix = this.keyPrefix + "active-users:{window}:";
		for (long minute = now - 4; minute <= now; minute++) {
			assertThat(SlotHash.getSlot(prefix + minute)).isEqualTo(SlotHash.getSlot(prefix + now));
		}
	}

}
