package org.aula.capacity;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The stage comes from the resolved configuration alone. */
class DeploymentTest {

	@Test
	void theEmbeddedDefaultsAreStageOne() {
		MockEnvironment environment = resolved("memory").withProperty("aula.embedded", "true");

		Deployment deployment = Deployment.from(environment);

		assertThat(deployment.stage()).isEqualTo(1);
		assertThat(deployment.memoryStores()).containsExactly("aula.cache.store", "aula.ratelimit.store",
				"aula.tokens.revocation-store", "aula.pubsub.store", "aula.active-users.store");
		assertThat(deployment.jobWorker()).isTrue();
		assertThat(deployment.jobWorkerThreads()).isEqualTo(4);
		assertThat(deployment.primaryPool()).isEqualTo("aula-primary");
	}

	@Test
	void postgresqlAndEveryAdapterOnRedisAreStageTwo() {
		Deployment deployment = Deployment.from(shared());

		assertThat(deployment.stage()).isEqualTo(2);
		assertThat(deployment.memoryStores()).isEmpty();
	}

	@Test
	void oneAdapterLeftInMemoryKeepsStageOne() {
		Deployment deployment = Deployment.from(shared().withProperty("aula.active-users.store", "memory"));

		assertThat(deployment.stage()).isEqualTo(1);
		assertThat(deployment.memoryStores()).containsExactly("aula.active-users.store");
	}

	@Test
	void anApiOnlyInstanceWithAReplicaIsStageThree() {
		Deployment deployment = Deployment
			.from(shared().withProperty("aula.database.replica.url", "jdbc:postgresql://r/aula")
				.withProperty("aula.jobs.worker.enabled", "false"));

		assertThat(deployment.stage()).isEqualTo(3);
	}

	@Test
	void aReplicaAloneOrSplitTiersAloneAreStillStageTwo() {
		assertThat(
				Deployment.from(shared().withProperty("aula.database.replica.url", "jdbc:postgresql://r/aula")).stage())
			.isEqualTo(2);
		assertThat(Deployment.from(shared().withProperty("aula.jobs.worker.enabled", "false")).stage()).isEqualTo(2);
	}

	private static MockEnvironment shared() {
		return resolved("redis").withProperty("aula.embedded", "false").withProperty("aula.redis.enabled", "true");
	}

	private static MockEnvironment resolved(String store) {
		return new MockEnvironment().withProperty("aula.cache.store", store)
			.withProperty("aula.ratelimit.store", store)
			.withProperty("aula.tokens.revocation-store", store)
			.withProperty("aula.pubsub.store", store)
			.withProperty("aula.active-users.store", store);
	}

}
