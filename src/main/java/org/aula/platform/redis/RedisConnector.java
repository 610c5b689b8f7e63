package org.aula.platform.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.BaseRedisCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * Connections to the Redis that Aula is configured for, whatever its topology: one server
 * or a Sentinel-managed primary (both through a {@link RedisClient}) or a Redis Cluster
 * (through a {@link RedisClusterClient}, which routes each command to the node that owns
 * its key's slot). The adapters that need raw Lettuce connections (Bucket4j, pub/sub)
 * take one of these and never ask which topology it is, except where a library has one
 * entry point per kind of connection.
 */
public final class RedisConnector implements AutoCloseable {

	private final AbstractRedisClient client;

	private RedisConnector(AbstractRedisClient client) {
		this.client = client;
	}

	/**
	 * @param client a client for one server or for a Sentinel-managed primary
	 * @return a connector that shuts the client down when closed
	 */
	public static RedisConnector of(RedisClient client) {
		return new RedisConnector(client);
	}

	/**
	 * @param client a client for a Redis Cluster
	 * @return a connector that shuts the client down when closed
	 */
	public static RedisConnector of(RedisClusterClient client) {
		return new RedisConnector(client);
	}

	/**
	 * A new connection for commands: a {@link StatefulRedisClusterConnection} on a
	 * Cluster, a {@link StatefulRedisConnection} otherwise.
	 * @param <V> the type of values
	 * @param codec how keys and values are encoded
	 * @return the connection, to close when done
	 */
	public <V> StatefulConnection<String, V> connect(RedisCodec<String, V> codec) {
		return switch (this.client) {
			case RedisClusterClient cluster -> cluster.connect(codec);
			case RedisClient single -> single.connect(codec);
			default -> throw new IllegalStateException("Unknown Redis client " + this.client.getClass());
		};
	}

	/**
	 * A new pub/sub connection. On a Cluster, a message published on any node reaches the
	 * subscribers of every node.
	 * @return the connection, to close when done
	 */
	public StatefulRedisPubSubConnection<String, String> connectPubSub() {
		return switch (this.client) {
			case RedisClusterClient cluster -> cluster.connectPubSub();
			case RedisClient single -> single.connectPubSub();
			default -> throw new IllegalStateException("Unknown Redis client " + this.client.getClass());
		};
	}

	/**
	 * The synchronous commands that every topology has, for a connection made by
	 * {@link #connect}.
	 * @param <V> the type of values
	 * @param connection the connection
	 * @return its synchronous commands
	 */
	public static <V> BaseRedisCommands<String, V> sync(StatefulConnection<String, V> connection) {
		return switch (connection) {
			case StatefulRedisClusterConnection<String, V> cluster -> cluster.sync();
			case StatefulRedisConnection<String, V> single -> single.sync();
			default -> throw new IllegalArgumentException("Unknown Redis connection " + connection.getClass());
		};
	}

	/**
	 * @return whether commands go to a Redis Cluster
	 */
	public boolean isCluster() {
		return this.client instanceof RedisClusterClient;
	}

	/**
	 * @return the client's options (timeouts, behaviour while disconnected)
	 */
	public ClientOptions options() {
		return this.client.getOptions();
	}

	@Override
	public void close() {
		this.client.shutdown();
	}

}
