package org.aula.testsupport;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL and Redis that integration tests talk to. On a developer machine
 * without them the tests are skipped with a message saying so; under {@code CI=true} a
 * missing service fails the build instead, so a green CI always means the shared-mode
 * tests ran.
 */
public final class ExternalServices {

	public static final String REDIS_URL = env("AULA_TEST_REDIS_URL", "redis://127.0.0.1:6379");

	public static final String POSTGRES_URL = env("AULA_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	public static final String POSTGRES_USER = env("AULA_TEST_POSTGRES_USER", "postgres");

	public static final String POSTGRES_PASSWORD = env("AULA_TEST_POSTGRES_PASSWORD", "");

	private static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ExternalServices::dropCreatedDatabases));
	}

	private ExternalServices() {
	}

	public static void requireRedis() {
		URI uri = URI.create(REDIS_URL);
		int port = (uri.getPort() > 0) ? uri.getPort() : 6379;
		if (!reachable(uri.getHost(), port)) {
			unavailable("Redis", REDIS_URL, "AULA_TEST_REDIS_URL");
		}
	}

	public static void requirePostgres() {
		try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD)) {
			// reachable
		}
		catch (SQLException ex) {
			unavailable("PostgreSQL", POSTGRES_URL + " (" + ex.getMessage() + ")", "AULA_TEST_POSTGRES_URL");
		}
	}

	/**
	 * Creates an empty database next to the configured one, so every test context
	 * migrates from scratch and no test sees another's rows.
	 * @return the JDBC URL of the new database
	 */
	public static String freshPostgresDatabase() {
		requirePostgres();
		String name = "aula_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
			CREATED.add(name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		int slash = POSTGRES_URL.lastIndexOf('/');
		int query = POSTGRES_URL.indexOf('?', slash);
		String suffix = (query >= 0) ? POSTGRES_URL.substring(query) : "";
		return POSTGRES_URL.substring(0, slash + 1) + name + suffix;
	}

	private static void dropCreatedDatabases() {
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, POSTGRES_PASSWORD);
				Statement statement = connection.createStatement()) {
			for (String name : CREATED) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
		catch (SQLException ex) {
			// Leftover test databases are harmless; the next run creates new ones.
		}
	}

	public static boolean isCi() {
		return "true".equals(System.getenv().getOrDefault("CI", "").toLowerCase(Locale.ROOT));
	}

	static void unavailable(String service, String where, String variable) {
		String message = "%s is not reachable at %s; start it or point %s at one".formatted(service, where, variable);
		if (isCi()) {
			throw new AssertionError(message + " (CI=true: integration tests must run, not skip)");
		}
		Assumptions.abort(message + " (skipped outside CI)");
	}

	private static boolean reachable(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 500);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
