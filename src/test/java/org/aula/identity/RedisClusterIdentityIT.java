package org.aula.identity;

import java.util.Map;

import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same two instances, sharing a Redis Cluster of three primaries: revocations and
 * rate limits are shared across instances whichever node holds their keys.
 */
class RedisClusterIdentityIT extends ClusterIdentityIT {

	@Override
	Map<String, String> sharedServices() {
		return RunningAula.sharedServicesOnRedisCluster();
	}

	@Test
	void bothInstancesAreReadyWithTheClusterUp() {
		for (RunningAula aula : new RunningAula[] { this.first, this.second }) {
			Response ready = aula.http().get("/api/ready");
			assertThat(ready.status()).isEqualTo(200);
			assertThat(ready.json().get("status").asString()).isEqualTo("UP");
			assertThat(ready.json().get("checks").get("redis").asString()).isEqualTo("UP");
		}
	}

}
