package org.aula.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aula.AulaApplication;
import org.aula.platform.web.ProbeEndpoints;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Aula instance started by a test exactly as an operator starts it: settings arrive
 * as command-line arguments, so they are seen from the very first moment of start-up.
 * Several may run side by side to act as a cluster. Unless the settings name a signing
 * key, access tokens are signed with {@link TestTokens#SECRET}.
 */
public final class RunningAula implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RunningAula(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static RunningAula start(Map<String, String> settings) {
		return start(settings, new Class<?>[0]);
	}

	/**
	 * Starts an instance with extra test-only beans or configuration classes, such as a
	 * stand-in for a module's API.
	 * @param settings settings as an operator passes them
	 * @param extraSources classes registered along with the application
	 * @return the running instance
	 */
	public static RunningAula start(Map<String, String> settings, Class<?>... extraSources) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("server.port", "0");
		// A signing key of the caller's own replaces the tests' secret; an empty
		// aula.tokens.jwt-secret leaves the embedded mode to generate one.
		if (settings.keySet()
			.stream()
			.noneMatch((key) -> key.startsWith("aula.tokens.jwt-") || key.startsWith("AULA_JWT_"))) {
			all.put("aula.tokens.jwt-secret", TestTokens.SECRET);
		}
		all.putAll(settings);
		List<String> args = new ArrayList<>();
		all.forEach((key, value) -> args.add("--" + key + "=" + value));
		List<Class<?>> sources = new ArrayList<>(List.of(AulaApplication.class, ProbeEndpoints.class));
		sources.addAll(List.of(extraSources));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
			.run(args.toArray(String[]::new));
		return new RunningAula(context);
	}

	/**
	 * Settings for the shared mode: a fresh PostgreSQL database, the real Redis, and the
	 * signing secret of {@link TestTokens} that the shared mode requires.
	 */
	public static Map<String, String> sharedServices() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", ExternalServices.freshPostgresDatabase());
		settings.put("spring.datasource.username", ExternalServices.POSTGRES_USER);
		settings.put("spring.datasource.password", ExternalServices.POSTGRES_PASSWORD);
		settings.put("aula.redis.url", ExternalServices.REDIS_URL);
		settings.put("aula.tokens.jwt-secret", TestTokens.SECRET);
		// Per-address limits live in the shared Redis and outlast any one test (every
		// test
		// calls from 127.0.0.1), so the address-wide ones are lifted here; tests of those
		// limits set them explicitly. Per-account login failures stay at their default.
		settings.put("aula.identity.throttle.register-per-address", "1000000");
		settings.put("aula.identity.throttle.login-attempts-per-address", "1000000");
		settings.put("aula.identity.throttle.forgot-per-address", "1000000");
		settings.put("aula.identity.throttle.refresh-per-address", "1000000");
		return settings;
	}

	/**
	 * {@link #sharedServices()} with a Redis Cluster of three primaries instead of the
	 * one Redis server, joined through Boot's {@code spring.data.redis.cluster.nodes}.
	 */
	public static Map<String, String> sharedServicesOnRedisCluster() {
		Map<String, String> settings = sharedServices();
		settings.remove("aula.redis.url");
		settings.put("spring.data.redis.cluster.nodes", RedisCluster.nodesProperty());
		return settings;
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public HttpApi http() {
		return new HttpApi(port());
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
