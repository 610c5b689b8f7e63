package org.aula.platform.config;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformEnvironmentTest {

	private final PlatformEnvironment processor = new PlatformEnvironment();

	@Test
	void everyAdapterInMemoryWithoutRedis() {
		MockEnvironment environment = process(new MockEnvironment());
		for (SwitchableAdapter adapter : SwitchableAdapter.values()) {
			assertThat(environment.getProperty(adapter.property())).isEqualTo("memory");
		}
		assertThat(environment.getProperty("spring.autoconfigure.exclude")).contains("DataRedisAutoConfiguration");
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
			.doesNotContain("redis");
	}

	@Test
	void everyAdapterOnRedisWhenRedisUrlIsSet() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("aula.redis.url", "redis://r:6379"));
		for (SwitchableAdapter adapter : SwitchableAdapter.values()) {
			assertThat(environment.getProperty(adapter.property())).isEqualTo("redis");
		}
		assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
		assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://r:6379");
		// Redis down degrades an instance but must not take it out of the load balancer.
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
			.doesNotContain("redis");
	}

	@Test
	void everyAdapterOnRedisWhenBootNamesTheNodesOfACluster() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("spring.data.redis.cluster.nodes",
				"10.0.0.1:6379,10.0.0.2:6379,10.0.0.3:6379"));
		for (SwitchableAdapter adapter : SwitchableAdapter.values()) {
			assertThat(environment.getProperty(adapter.property())).isEqualTo("redis");
		}
		assertThat(environment.getProperty("aula.redis.enabled")).isEqualTo("true");
		assertThat(environment.getProperty("spring.autoconfigure.exclude")).isNull();
		assertThat(environment.getProperty("spring.data.redis.url")).isNull();
	}

	@Test
	void everyAdapterOnRedisWhenBootNamesASentinelManagedPrimary() {
		MockEnvironment environment = process(
				new MockEnvironment().withProperty("spring.data.redis.sentinel.master", "aula")
					.withProperty("spring.data.redis.sentinel.nodes", "10.0.0.1:26379,10.0.0.2:26379"));
		for (SwitchableAdapter adapter : SwitchableAdapter.values()) {
			assertThat(environment.getProperty(adapter.property())).isEqualTo("redis");
		}
		assertThat(environment.getProperty("aula.redis.enabled")).isEqualTo("true");
	}

	@Test
	void perAdapterOverrideAllowsGradualActivation() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("aula.redis.url", "redis://r:6379")
			.withProperty("aula.cache.store", "MEMORY"));
		assertThat(environment.getProperty("aula.cache.store")).isEqualTo("memory");
		assertThat(environment.getProperty("aula.ratelimit.store")).isEqualTo("redis");
		assertThat(environment.getProperty("aula.pubsub.store")).isEqualTo("redis");
	}

	@Test
	void globalSwitchFlipsEveryAdapterNotOverridden() {
		MockEnvironment environment = process(new MockEnvironment().withProperty("aula.redis.url", "redis://r:6379")
			.withProperty("aula.adapters.store", "memory")
			.withProperty("aula.tokens.revocation-store", "redis"));
		assertThat(environment.getProperty("aula.cache.store")).isEqualTo("memory");
		assertThat(environment.getProperty("aula.ratelimit.store")).isEqualTo("memory");
		assertThat(environment.getProperty("aula.tokens.revocation-store")).isEqualTo("redis");
	}

	@Test
	void rejectsRedisStoreWithoutRedisUrlInOneLine() {
		assertThatThrownBy(() -> process(new MockEnvironment().withProperty("aula.pubsub.store", "redis")))
			.isInstanceOf(InvalidPlatformConfiguration.class)
			.hasMessageContaining("aula.pubsub.store=redis")
			.hasMessageContaining("AULA_REDIS_URL")
			.hasMessageNotContaining("\n");
	}

	@Test
	void rejectsMalformedRedisUrlInOneLineWithoutEchoingIt() {
		assertThatThrownBy(
				() -> process(new MockEnvironment().withProperty("aula.redis.url", "localhost:6379-secret-password")))
			.isInstanceOf(InvalidPlatformConfiguration.class)
			.hasMessageStartingWith("AULA_REDIS_URL (aula.redis.url) must look like redis://")
			.hasMessageNotContaining("secret")
			.hasMessageNotContaining("\n");
	}

	@Test
	void acceptsRedisUrlsWithCredentialsDatabaseAndTls() {
		for (String url : java.util.List.of("redis://cache:6379", "redis://user:pw@cache:6380/2", "rediss://cache",
				"redis://127.0.0.1")) {
			assertThat(
					process(new MockEnvironment().withProperty("aula.redis.url", url)).getProperty("aula.cache.store"))
				.as(url)
				.isEqualTo("redis");
		}
	}

	@Test
	void rejectsUnknownStore() {
		assertThatThrownBy(() -> process(new MockEnvironment().withProperty("aula.cache.store", "mongo")))
			.isInstanceOf(InvalidPlatformConfiguration.class)
			.hasMessage("aula.cache.store=mongo is not a store Aula knows; use memory or redis");
	}

	@Test
	void embeddedMeansH2() {
		assertThat(process(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/aula"))
			.getProperty("aula.embedded")).isEqualTo("true");
		assertThat(
				process(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/aula"))
					.getProperty("aula.embedded"))
			.isEqualTo("false");
	}

	@Test
	void describesDatabasesWithoutCredentials() {
		assertThat(DatabaseDescription.of("jdbc:postgresql://db:5432/aula?user=x&password=secret"))
			.isEqualTo("PostgreSQL //db:5432/aula");
		assertThat(DatabaseDescription.redis("redis://user:secret@cache:6380/0")).isEqualTo("redis://cache:6380/0");
	}

	@Test
	void startupTableAlignsColumns() {
		String table = StartupReport
			.table(java.util.List.of(new String[] { "database", "H2" }, new String[] { "cache", "memory" }));
		assertThat(table.lines().filter((line) -> !line.isEmpty()).map(String::length).distinct()).hasSize(1);
		assertThat(table).contains("| cache    | memory |");
	}

	private MockEnvironment process(MockEnvironment environment) {
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
