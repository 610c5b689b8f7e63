package org.aula.platform.redis;

import java.time.Duration;
import java.util.Objects;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;

import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;

/**
 * The Lettuce clients that adapters create for themselves (Bucket4j and pub/sub need raw
 * connections), configured like Boot's: the same timeouts and client name, and commands
 * refused at once while disconnected instead of queued until they time out.
 */
public final class LettuceClients {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

	private LettuceClients() {
	}

	/**
	 * A client for {@code url} with Boot's Redis timeouts and client name. It connects
	 * nothing yet.
	 * @param url the Redis URL
	 * @param redis Boot's Redis settings, for the timeouts and the client name
	 * @param resources Boot's Netty resources, shared by every client
	 * @return the client, to shut down with the application
	 */
	public static RedisClient create(String url, DataRedisProperties redis, ClientResources resources) {
		Duration timeout = Objects.requireNonNullElse(redis.getTimeout(), DEFAULT_TIMEOUT);
		Duration connectTimeout = Objects.requireNonNullElse(redis.getConnectTimeout(), timeout);
		RedisURI uri = RedisURI.create(url);
		uri.setTimeout(timeout);
		if (redis.getClientName() != null) {
			uri.setClientName(redis.getClientName());
		}
		RedisClient client = RedisClient.create(resources, uri);
		client.setOptions(options(timeout, connectTimeout));
		return client;
	}

	/**
	 * @param timeout how long a command may take
	 * @param connectTimeout how long connecting may take
	 * @return options that fail commands fast while the connection is down
	 */
	public static ClientOptions options(Duration timeout, Duration connectTimeout) {
		return ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.build();
	}

}
