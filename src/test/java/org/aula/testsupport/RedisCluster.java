package org.aula.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.resource.ClientResources;
import org.aula.platform.redis.LettuceClients;
import org.aula.platform.redis.RedisConnector;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Redis Cluster of three primaries for the tests that prove the Redis adapters work on
 * a Cluster. {@code AULA_TEST_REDIS_CLUSTER_NODES} names one that is already running (as
 * {@code scripts/redis-cluster check} does); otherwise the first test that needs it
 * starts one with {@code scripts/redis-cluster up} on free loopback ports, and it is
 * stopped when the test JVM exits. Without {@code redis-server} the tests are skipped on
 * a laptop and fail in CI, like those needing the other services.
 */
public final class RedisCluster {

	private static final String NODES_VARIABLE = "AULA_TEST_REDIS_CLUSTER_NODES";

	private static final ClientResources RESOURCES = ClientResources.create();

	private static volatile List<String> nodes;

	private RedisCluster() {
	}

	/**
	 * @return the {@code host:port} of each primary
	 */
	public static synchronized List<String> nodes() {
		if (nodes == null) {
			String given = System.getenv(NODES_VARIABLE);
			nodes = (given != null && !given.isBlank()) ? List.of(given.split(",")) : start();
		}
		return nodes;
	}

	/**
	 * @return the nodes as {@code spring.data.redis.cluster.nodes} takes them
	 */
	public static String nodesProperty() {
		return String.join(",", nodes());
	}

	/**
	 * A connector as Aula builds it from {@code spring.data.redis.cluster.nodes}.
	 * @param timeout the command and connect timeout
	 * @return the connector, to close after the test
	 */
	public static RedisConnector connector(Duration timeout) {
		DataRedisProperties properties = new DataRedisProperties();
		properties.setTimeout(timeout);
		properties.getLettuce().getCluster().getRefresh().setAdaptive(true);
		DataRedisConnectionDetails details = new DataRedisConnectionDetails() {

			@Override
			public Cluster getCluster() {
				return () -> nodes().stream().map(RedisCluster::node).toList();
			}

		};
		return LettuceClients.create("", details, properties, RESOURCES);
	}

	/**
	 * @return a raw client, to look at keys and slots
	 */
	public static RedisClusterClient client() {
		return RedisClusterClient.create(nodes().stream().map((node) -> RedisURI.create("redis://" + node)).toList());
	}

	/**
	 * @param timeout the command timeout
	 * @return a started connection factory for Spring's templates, to destroy after the
	 * test
	 */
	public static LettuceConnectionFactory connectionFactory(Duration timeout) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisClusterConfiguration(nodes()),
				LettuceClientConfiguration.builder().commandTimeout(timeout).build());
		factory.afterPropertiesSet();
		return factory;
	}

	private static DataRedisConnectionDetails.Node node(String hostAndPort) {
		int colon = hostAndPort.lastIndexOf(':');
		return new DataRedisConnectionDetails.Node(hostAndPort.substring(0, colon),
				Integer.parseInt(hostAndPort.substring(colon + 1)));
	}

	/** Skips the test on a laptop without redis-server, fails it in CI. */
	static void requireRedisServer() {
		if (!onPath("redis-server")) {
			ExternalServices.unavailable("redis-server (for a local Redis Cluster or Sentinel)", "PATH",
					NODES_VARIABLE);
		}
	}

	private static List<String> start() {
		requireRedisServer();
		int firstPort = freePorts();
		Path directory = Path.of("target", "redis-cluster-" + firstPort).toAbsolutePath();
		run(directory, firstPort, "up");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> run(directory, firstPort, "down")));
		List<String> started = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			started.add("127.0.0.1:" + (firstPort + i));
		}
		return List.copyOf(started);
	}

	private static void run(Path directory, int firstPort, String command) {
		try {
			ProcessBuilder builder = new ProcessBuilder("scripts/redis-cluster", command).redirectErrorStream(true)
				.redirectOutput(directory.resolveSibling(directory.getFileName() + "-" + command + ".log").toFile());
			builder.environment().put("REDIS_CLUSTER_PORT", Integer.toString(firstPort));
			builder.environment().put("REDIS_CLUSTER_DIR", directory.toString());
			Process process = builder.start();
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("scripts/redis-cluster " + command + " failed; see target/"
						+ directory.getFileName() + "-" + command + ".log");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run scripts/redis-cluster", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running scripts/redis-cluster", ex);
		}
	}

	/** Three free ports in a row whose Cluster bus ports (+10000) are free too. */
	private static int freePorts() {
		for (int attempt = 0; attempt < 100; attempt++) {
			int first = ThreadLocalRandom.current().nextInt(20000, 30000);
			if (Arrays.stream(new int[] { 0, 1, 2 }).allMatch((i) -> isFree(first + i) && isFree(first + i + 10000))) {
				return first;
			}
		}
		throw new IllegalStateException("No three free ports in a row for a Redis Cluster");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean onPath(String command) {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, command)));
	}

}
