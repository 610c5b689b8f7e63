package org.aula.platform.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the pools of all instances together would need more connections
 * than PostgreSQL allows ({@code max_connections} minus the superuser reserve): past that
 * point new instances fail at random under load instead of at deploy time. Only runs when
 * {@code aula.database.expected-instances} says how many instances there are.
 */
@Component
class PoolBudget {

	private static final Logger logger = LoggerFactory.getLogger(PoolBudget.class);

	private final DatabaseSettings settings;

	private final DataSource primary;

	private final DataSource replica;

	PoolBudget(DatabaseSettings settings, DataSource dataSource,
			@Qualifier("replicaDataSource") ObjectProvider<DataSource> replica) {
		this.settings = settings;
		this.primary = dataSource;
		this.replica = replica.getIfAvailable();
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		Integer instances = this.settings.expectedInstances();
		if (instances == null) {
			return;
		}
		check("primary", this.primary, instances, poolSize(this.primary));
		if (this.replica != null) {
			check("replica", this.replica, instances, this.settings.replica().poolSize());
		}
	}

	private static void check(String name, DataSource dataSource, int instances, int poolSize) {
		try (Connection connection = dataSource.getConnection()) {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return;
			}
			try (Statement statement = connection.createStatement();
					ResultSet limits = statement.executeQuery("select current_setting('max_connections')::int, "
							+ "current_setting('superuser_reserved_connections')::int")) {
				limits.next();
				int maxConnections = limits.getInt(1);
				int reserved = limits.getInt(2);
				assess(name, instances, poolSize, maxConnections, reserved).ifPresentOrElse(logger::warn,
						() -> logger.info("Database pool budget ({}): {} instances x {} connections fit in {}", name,
								instances, poolSize, maxConnections - reserved));
			}
		}
		catch (SQLException ex) {
			logger.warn("Could not check the database pool budget ({}): {}", name, ex.getMessage());
		}
	}

	/**
	 * The warning, if {@code instances × poolSize} exceeds what the server allows.
	 * @param name which database
	 * @param instances instances sharing it
	 * @param poolSize maximum pool size of one instance
	 * @param maxConnections the server's {@code max_connections}
	 * @param reserved connections reserved for superusers
	 * @return the warning, or empty when the pools fit
	 */
	static Optional<String> assess(String name, int instances, int poolSize, int maxConnections, int reserved) {
		long needed = (long) instances * poolSize;
		long available = maxConnections - reserved;
		if (needed <= available) {
			return Optional.empty();
		}
		return Optional.of(("Database pool budget exceeded (%s): %d instances x %d connections = %d, but the server "
				+ "allows %d (max_connections %d - %d reserved). Lower the pool size, raise max_connections, or "
				+ "put a pooler such as PgBouncer in front.")
			.formatted(name, instances, poolSize, needed, available, maxConnections, reserved));
	}

	private static int poolSize(DataSource dataSource) {
		try {
			return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
		}
		catch (SQLException notHikari) {
			return 1;
		}
	}

}
