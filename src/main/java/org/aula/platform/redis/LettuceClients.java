package org.aula.platform.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.resource.ClientResources;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.util.StringUtils;

/**
 * The Lettuce clients that adapters create for themselves (Bucket4j and pub/sub need raw
 * connections), configured like Boot's from the standard {@code spring.data.redis.*}
 * settings: the same topology (Sentinel, then Cluster, then one server, in Boot's order),
 * the same timeouts and client name, and commands refused at once while disconnected
 * instead of queued until they time out.
 */
public final class LettuceClients {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);

	private LettuceClients() {
	}

	/**
	 * A connector for the Redis that Boot's settings describe. It connects nothing yet.
	 * @param url the one server's URL, used when neither Sentinel nor Cluster is set
	 * @param details where Redis is, as Boot resolved it from {@code spring.data.redis.*}
	 * @param redis Boot's Redis settings, for the timeouts, client name and Cluster
	 * topology refresh
	 * @param resources Boot's Netty resources, shared by every client
	 * @return the connector, to close with the application
	 */
	public static RedisConnector create(String url, DataRedisConnectionDetails details, DataRedisProperties redis,
			ClientResources resources) {
		Duration timeout = Objects.requireNonNullElse(redis.getTimeout(), DEFAULT_TIMEOUT);
		Duration connectTimeout = Objects.requireNonNullElse(redis.getConnectTimeout(), timeout);
		if (details.getSentinel() != null) {
			RedisClient client = RedisClient.create(resources, sentinelUri(details, redis, timeout));
			client.setOptions(options(timeout, connectTimeout));
			return RedisConnector.of(client);
		}
		if (details.getCluster() != null) {
			List<RedisURI> nodes = new ArrayList<>();
			for (DataRedisConnectionDetails.Node node : details.getCluster().getNodes()) {
				RedisURI uri = RedisURI.create(node.host(), node.port());
				authenticate(uri, details.getUsername(), details.getPassword());
				nodes.add(configure(uri, redis, timeout));
			}
			RedisClusterClient client = RedisClusterClient.create(resources, nodes);
			client.setOptions(clusterOptions(timeout, connectTimeout, redis.getLettuce().getCluster().getRefresh()));
			return RedisConnector.of(client);
		}
		return RedisConnector.of(create(url, redis, resources));
	}

	/**
	 * A client for one server at {@code url} with Boot's Redis timeouts and client name.
	 * It connects nothing yet.
	 * @param url the Redis URL
	 * @param redis Boot's Redis settings, for the timeouts and the client name
	 * @param resources Boot's Netty resources, shared by every client
	 * @return the client, to shut down with the application
	 */
	public static RedisClient create(String url, DataRedisProperties redis, ClientResources resources) {
		Duration timeout = Objects.requireNonNullElse(redis.getTimeout(), DEFAULT_TIMEOUT);
		Duration connectTimeout = Objects.requireNonNullElse(redis.getConnectTimeout(), timeout);
		RedisClient client = RedisClient.create(resources, configure(RedisURI.create(url), redis, timeout));
		client.setOptions(options(timeout, connectTimeout));
		return client;
	}

	private static RedisURI sentinelUri(DataRedisConnectionDetails details, DataRedisProperties redis,
			Duration timeout) {
		DataRedisConnectionDetails.Sentinel sentinel = Objects.requireNonNull(details.getSentinel());
		RedisURI.Builder builder = RedisURI.builder().withSentinelMasterId(sentinel.getMaster());
		for (DataRedisConnectionDetails.Node node : sentinel.getNodes()) {
			RedisURI sentinelUri = RedisURI.create(node.host(), node.port());
			authenticate(sentinelUri, sentinel.getUsername(), sentinel.getPassword());
			builder.withSentinel(sentinelUri);
		}
		RedisURI uri = builder.withDatabase(sentinel.getDatabase()).build();
		authenticate(uri, details.getUsername(), details.getPassword());
		return configure(uri, redis, timeout);
	}

	private static void authenticate(RedisURI uri, String username, String password) {
		if (StringUtils.hasText(password)) {
			if (StringUtils.hasText(username)) {
				uri.setUsername(username);
			}
			uri.setPassword(password.toCharArray());
		}
	}

	private static RedisURI configure(RedisURI uri, DataRedisProperties redis, Duration timeout) {
		uri.setTimeout(timeout);
		if (redis.getClientName() != null) {
			uri.setClientName(redis.getClientName());
		}
		if (redis.getSsl().isEnabled()) {
			uri.setSsl(true);
		}
		return uri;
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

	/**
	 * Options for a Cluster client. The topology is refreshed when Redis redirects a
	 * command or a node disconnects (adaptive refresh) and, if set, periodically, so a
	 * failover moves the commands to the new primary.
	 * @param timeout how long a command may take
	 * @param connectTimeout how long connecting may take
	 * @param refresh Boot's Cluster topology refresh settings
	 * @return options that fail commands fast while the connection is down
	 */
	static ClusterClientOptions clusterOptions(Duration timeout, Duration connectTimeout,
			DataRedisProperties.Lettuce.Cluster.Refresh refresh) {
		ClusterTopologyRefreshOptions.Builder topology = ClusterTopologyRefreshOptions.builder()
			.dynamicRefreshSources(refresh.isDynamicRefreshSources());
		if (refresh.isAdaptive()) {
			topology.enableAllAdaptiveRefreshTriggers();
		}
		if (refresh.getPeriod() != null) {
			topology.enablePeriodicRefresh(refresh.getPeriod());
		}
		return ClusterClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.topologyRefreshOptions(topology.build())
			.build();
	}

}
