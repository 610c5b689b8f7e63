package org.aula.platform.revocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis clients for tests, configured like the application's (500 ms timeout), closed
 * together. Reconnection is retried every 100 ms so a test sees a restored connection
 * promptly.
 */
final class TestRedis implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofMillis(500);

	private final List<LettuceConnectionFactory> connectionFactories = new ArrayList<>();

	private final List<ClientResources> resources = new ArrayList<>();

	StringRedisTemplate template(String url) {
		ClientResources clientResources = ClientResources.builder()
			.reconnectDelay(Delay.constant(Duration.ofMillis(100)))
			.build();
		this.resources.add(clientResources);
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(url),
				LettuceClientConfiguration.builder()
					.commandTimeout(TIMEOUT)
					.clientResources(clientResources)
					.clientOptions(io.lettuce.core.ClientOptions.builder()
						.socketOptions(io.lettuce.core.SocketOptions.builder().connectTimeout(TIMEOUT).build())
						.build())
					.build());
		connectionFactory.afterPropertiesSet();
		this.connectionFactories.add(connectionFactory);
		return new StringRedisTemplate(connectionFactory);
	}

	@Override
	public void close() {
		this.connectionFactories.forEach(LettuceConnectionFactory::destroy);
		this.resources.forEach(ClientResources::shutdown);
	}

}
