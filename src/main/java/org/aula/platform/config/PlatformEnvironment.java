package org.aula.platform.config;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Derives the settings that depend on other settings, before any bean is created: which
 * store each switchable adapter uses, whether Aula runs embedded (H2) and whether Redis
 * takes part at all. The derived values are computed from what the operator set (an
 * explicit store always wins) and take precedence over the raw ones, so every bean sees
 * one resolved answer. An impossible combination stops start-up here with a one-line
 * explanation.
 */
class PlatformEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "aulaDerivedSettings";

	static final String REDIS_URL = "aula.redis.url";

	static final String GLOBAL_STORE = "aula.adapters.store";

	static final String SENTINEL_MASTER = "spring.data.redis.sentinel.master";

	static final String CLUSTER_NODES = "spring.data.redis.cluster.nodes";

	private static final String REDIS_AUTO_CONFIGURATIONS = String.join(",",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration");

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean redisConfigured = isRedisConfigured(environment);
		Map<SwitchableAdapter, AdapterStore> stores = resolveStores(environment, redisConfigured);
		Map<String, Object> derived = new LinkedHashMap<>();
		stores.forEach((adapter, store) -> derived.put(adapter.property(), store.key()));
		derived.put("aula.embedded", isEmbedded(environment));
		derived.put("aula.redis.enabled", redisConfigured);
		String redisUrl = environment.getProperty(REDIS_URL);
		if (StringUtils.hasText(redisUrl)) {
			// Boot refuses an empty URL, and a Sentinel or Cluster needs none.
			derived.put("spring.data.redis.url", redisUrl);
		}
		// Redis is not part of readiness: every adapter falls back without it, so an
		// instance without Redis still serves and must stay in the load balancer.
		// /api/ready shows it as DEGRADED.
		derived.put("management.endpoint.health.group.readiness.include", "readinessState,db");
		if (!redisConfigured) {
			derived.put("spring.autoconfigure.exclude",
					appendTo(environment.getProperty("spring.autoconfigure.exclude"), REDIS_AUTO_CONFIGURATIONS));
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, derived));
	}

	/**
	 * Redis takes part when its URL is set, or when Boot's standard settings name a
	 * Sentinel-managed primary or the nodes of a Cluster (which win over the URL, as in
	 * Boot).
	 */
	static boolean isRedisConfigured(Environment environment) {
		if (StringUtils.hasText(environment.getProperty(SENTINEL_MASTER))
				|| StringUtils.hasText(environment.getProperty(CLUSTER_NODES))) {
			return true;
		}
		String url = environment.getProperty(REDIS_URL);
		if (!StringUtils.hasText(url)) {
			return false;
		}
		if (!url.matches("rediss?://([^@/\\s]+@)?[^@/:\\s]+(:\\d{1,5})?(/\\d{1,2})?/?")) {
			throw new InvalidPlatformConfiguration(
					"AULA_REDIS_URL (aula.redis.url) must look like redis://[user:password@]host[:port][/database]"
							+ " or rediss://... for TLS");
		}
		return true;
	}

	static boolean isEmbedded(Environment environment) {
		return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
	}

	static Map<SwitchableAdapter, AdapterStore> resolveStores(Environment environment, boolean redisConfigured) {
		String global = environment.getProperty(GLOBAL_STORE);
		AdapterStore fallback = StringUtils.hasText(global) ? AdapterStore.parse(GLOBAL_STORE, global)
				: redisConfigured ? AdapterStore.REDIS : AdapterStore.MEMORY;
		Map<SwitchableAdapter, AdapterStore> stores = new EnumMap<>(SwitchableAdapter.class);
		for (SwitchableAdapter adapter : SwitchableAdapter.values()) {
			String explicit = environment.getProperty(adapter.property());
			AdapterStore store = StringUtils.hasText(explicit) ? AdapterStore.parse(adapter.property(), explicit)
					: fallback;
			if (store == AdapterStore.REDIS && !redisConfigured) {
				String origin = StringUtils.hasText(explicit) ? adapter.property() : GLOBAL_STORE;
				throw new InvalidPlatformConfiguration(
						origin + "=redis needs a Redis server, but neither AULA_REDIS_URL (aula.redis.url) nor"
								+ " spring.data.redis.sentinel.master / spring.data.redis.cluster.nodes is set;"
								+ " set one or use memory");
			}
			stores.put(adapter, store);
		}
		return stores;
	}

	private static String appendTo(String existing, String more) {
		return StringUtils.hasText(existing) ? existing + "," + more : more;
	}

}
