package org.aula.chat;

import java.time.Clock;
import java.util.List;

import org.aula.platform.security.PublicEndpoints;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(ChatSettings.class)
class ChatConfiguration implements WebSocketConfigurer {

	private static final String WEBSOCKET_BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

	private final ChatSocketHandler handler;

	private final ChatTicketInterceptor tickets;

	private final List<String> allowedOrigins;

	ChatConfiguration(ChatSocketHandler handler, ChatTicketInterceptor tickets,
			@Value("${aula.cors.allowed-origins:}") List<String> allowedOrigins) {
		this.handler = handler;
		this.tickets = tickets;
		this.allowedOrigins = allowedOrigins.stream().map(String::trim).filter((origin) -> !origin.isEmpty()).toList();
	}

	/**
	 * Browsers may open the socket from Aula's own origin and from the CORS allow-list;
	 * clients that send no Origin (not browsers) are not restricted by it.
	 */
	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(this.handler, "/ws/chat")
			.addInterceptors(this.tickets)
			.setAllowedOrigins(this.allowedOrigins.toArray(String[]::new));
	}

	/**
	 * Idle sockets are closed by the container. The container gives every socket buffers
	 * of these sizes up front, so they are small (frames arrive in parts and are joined,
	 * up to {@code max-frame-size}, only when one is large): that is what lets one
	 * instance hold many thousands of mostly idle sockets. Binary frames are refused.
	 */
	@Bean
	// Absent when Aula runs without a web server (the seed command): it needs a servlet
	// context.
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static ServletServerContainerFactoryBean chatSocketContainer(ChatSettings settings) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxSessionIdleTimeout(settings.idleTimeout().toMillis());
		container.setMaxTextMessageBufferSize(1024);
		container.setMaxBinaryMessageBufferSize(128);
		container.setAsyncSendTimeout(settings.sendTimeLimit().toMillis());
		return container;
	}

	/**
	 * Tomcat gives every WebSocket session read and write buffers of its default buffer
	 * size, and every connection socket buffers of its own, for as long as the socket is
	 * open. At 8 KB each they dominate what an idle socket costs; frames are small and
	 * large ones arrive in parts, so 2 KB and 4 KB are enough. An operator's own
	 * {@code -Dorg.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE} wins.
	 */
	@Bean
	static WebServerFactoryCustomizer<TomcatServletWebServerFactory> chatSocketBuffers() {
		return (factory) -> {
			if (System.getProperty(WEBSOCKET_BUFFER_SIZE) == null) {
				System.setProperty(WEBSOCKET_BUFFER_SIZE, "2048");
			}
			factory.addConnectorCustomizers((connector) -> {
				connector.setProperty("socket.appReadBufSize", "4096");
				connector.setProperty("socket.appWriteBufSize", "4096");
			});
		};
	}

	/** The socket authenticates with its ticket, not with a bearer token. */
	@Bean
	static PublicEndpoints chatPublicEndpoints() {
		return PublicEndpoints.of(PublicEndpoints.get("/ws/chat"));
	}

	@Bean
	@ConditionalOnProperty(name = "aula.pubsub.store", havingValue = "redis")
	static ChatPresence redisChatPresence(StringRedisTemplate redis, ChatSettings settings) {
		return new RedisChatPresence(redis, settings.presenceTtl(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnProperty(name = "aula.pubsub.store", havingValue = "memory")
	static ChatPresence localChatPresence(ChatSettings settings) {
		return new LocalChatPresence(settings.presenceTtl(), Clock.systemUTC());
	}

}
