package org.aula.chat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

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
		ChatTicketInterceptor interceptor = new ChatTicketInterceptor(
				new ChatTickets(JdbcClient.create(new ExhaustedPool()), settings()), new NoUsers(),
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
	}

	private static ChatSettings settings() {
		return new ChatSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), 1000, Duration.ofSeconds(10),
				DataSize.ofKilobytes(16), 5, 60, Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(30),
				Duration.ofSeconds(60), Duration.ofSeconds(2));
	}

	/** Every connection busy: Hikari's answer after its connection timeout. */
	private static final class ExhaustedPool implements DataSource {

		@Override
		public Connection getConnection() throws SQLTransientConnectionException {
			throw new SQLTransientConnectionException(
					"aula-primary - Connection is not available, request timed out after 5000ms.");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLTransientConnectionException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> type) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

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
