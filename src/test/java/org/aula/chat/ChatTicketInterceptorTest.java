package org.aula.chat;

import java.sql.Connection;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.aula.identity.UserSummary;
import org.aula.identity.Users;
import org.aula.platform.web.ProblemResponses;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTicketInterceptorTest {

	@Test
	void aHandshakeThatFindsNoFreeDatabaseConnectionIsServiceUnavailableWithRetryAfter() throws Exception {
		HikariConfig pool = new HikariConfig();
		pool.setPoolName("aula-primary");
		pool.setJdbcUrl("jdbc:h2:mem:handshake-" + UUID.randomUUID());
		pool.setMaximumPoolSize(1);
		pool.setConnectionTimeout(250);
		try (HikariDataSource dataSource = new HikariDataSource(pool)) {
			// The pool's only connection stays taken: the handshake waits in vain for
			// one.
			Connection busy = dataSource.getConnection();
			ChatTicketInterceptor interceptor = new ChatTicketInterceptor(
					new ChatTickets(JdbcClient.create(dataSource), settings()), new NoUsers(),
					new ProblemResponses(JsonMapper.builder().build()));
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws/chat");
			request.setQueryString("ticket=" + "a".repeat(43));
			MockHttpServletResponse response = new MockHttpServletResponse();
			Map<String, Object> attributes = new HashMap<>();

			boolean admitted = interceptor.beforeHandshake(new ServletServerHttpRequest(request),
					new ServletServerHttpResponse(response), null, attributes);

			assertThat(admitted).isFalse();
			assertThat(attributes).isEmpty();
			assertThat(response.getStatus()).isEqualTo(503);
			assertThat(response.getHeader("Retry-After")).isEqualTo("2");
			assertThat(response.getContentType()).startsWith("application/problem+json");
			assertThat(response.getContentAsString()).contains("urn:aula:problem:service-unavailable")
				.doesNotContain("aula-primary");
			busy.close();
		}
	}

	private static ChatSettings settings() {
		return new ChatSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), 1000, Duration.ofSeconds(10),
				DataSize.ofKilobytes(16), 5, 60, Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(30),
				Duration.ofSeconds(60), Duration.ofSeconds(2));
	}

	private static final class NoUsers implements Users {

		@Override
		public Optional<UserSummary> findById(UUID id) {
			return Optional.empty();
		}

		@Override
		public List<UserSummary> findAllById(Collection<UUID> ids) {
			return List.of();
		}

	}

}
