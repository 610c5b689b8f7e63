package org.aula.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.lettuce.core.resource.ClientResources;
import org.aula.platform.redis.LettuceClients;
import org.aula.platform.redis.RedisConnector;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;

/**
 * A Redis primary watched by one Sentinel, both started once per test JVM on free
 * loopback ports and stopped when it exits, for the tests that prove Aula's Redis clients
 * find the primary through Sentinel.
 */
public final class RedisSentinel {

	public static final String MASTER = "aula-test";

	private static final ClientResources RESOURCES = ClientResources.create();

	private static int primaryPort;

	private static int sentinelPort;

	private RedisSentinel() {
	}

	/**
	 * @return the port of the primary the Sentinel watches
	 */
	public static synchronized int primaryPort() {
		start();
		return primaryPort;
	}

	/**
	 * A connector as Aula builds it from {@code spring.data.redis.sentinel.*}.
	 * @param timeout the command and connect timeout
	 * @return the connector, to close after the test
	 */
	public static synchronized RedisConnector connector(Duration timeout) {
		start();
		DataRedisProperties properties = new DataRedisProperties();
		properties.setTimeout(timeout);
		DataRedisConnectionDetails details = new DataRedisConnectionDetails() {

			@Override
			public Sentinel getSentinel() {
				return new Sentinel() {

					@Override
					public int getDatabase() {
						return 0;
					}

					@Override
					public String getMaster() {
						return MASTER;
					}

					@Override
					public List<Node> getNodes() {
						return List.of(new Node("127.0.0.1", sentinelPort));
					}

					@Override
					public String getUsername() {
						return null;
					}

					@Override
					public String getPassword() {
						return null;
					}

				};
			}

		};
		return LettuceClients.create("", details, properties, RESOURCES);
	}

	private static void start() {
		if (sentinelPort != 0) {
			return;
		}
		RedisCluster.requireRedisServer();
		try {
			int primary = ThreadLocalRandom.current().nextInt(31000, 32000);
			int sentinel = primary + 1000;
			Path directory = Files.createDirectories(Path.of("target", "redis-sentinel-" + primary).toAbsolutePath());
			Path config = directory.resolve("sentinel.conf");
			Files.writeString(config, """
					port %d
					bind 127.0.0.1
					sentinel monitor %s 127.0.0.1 %d 1
					sentinel down-after-milliseconds %s 2000
					""".formatted(sentinel, MASTER, primary, MASTER));
			Process primaryProcess = new ProcessBuilder("redis-server", "--port", Integer.toString(primary), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("primary.log").toFile())
				.start();
			Process sentinelProcess = new ProcessBuilder("redis-server", config.toString(), "--sentinel")
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("sentinel.log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				sentinelProcess.destroy();
				primaryProcess.destroy();
			}));
			awaitListening(primary);
			awaitListening(sentinel);
			primaryPort = primary;
			sentinelPort = sentinel;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start a Redis primary and Sentinel", ex);
		}
	}

	private static void awaitListening(int port) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket ignored = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(interrupted);
				}
			}
		}
		throw new IllegalStateException("Nothing listens on port " + port + " after 10 s; see target/redis-sentinel-*");
	}

}
