package org.aula.platform.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;

/**
 * The data source read-only transactions use: the replica while it answers, the primary
 * for a while after it fails. A replica outage then costs read capacity, never requests.
 */
class ReplicaWithFallback implements DataSource {

	private static final org.slf4j.Logger logger = LoggerFactory.getLogger(ReplicaWithFallback.class);

	private final DataSource replica;

	private final DataSource primary;

	private final Duration retryAfter;

	private final Clock clock;

	private final Counter fallbacks;

	private volatile Instant replicaRetryAt = Instant.MIN;

	ReplicaWithFallback(DataSource replica, DataSource primary, Duration retryAfter, Clock clock,
			MeterRegistry registry) {
		this.replica = replica;
		this.primary = primary;
		this.retryAfter = retryAfter;
		this.clock = clock;
		this.fallbacks = Counter.builder("aula.database.replica.fallbacks")
			.description("Read-only connections served by the primary because the replica failed")
			.register(registry);
	}

	/** Whether read-only work goes to the replica now (false while falling back). */
	boolean usingReplica() {
		return !this.clock.instant().isBefore(this.replicaRetryAt);
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (usingReplica()) {
			try {
				return this.replica.getConnection();
			}
			catch (SQLException ex) {
				fallBack(ex);
			}
		}
		this.fallbacks.increment();
		return this.primary.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLFeatureNotSupportedException("Connections use the configured credentials");
	}

	private void fallBack(SQLException failure) {
		Instant now = this.clock.instant();
		if (!now.isBefore(this.replicaRetryAt)) {
			logger.warn("Read replica unavailable ({}); read-only transactions use the primary for {}",
					failure.getMessage(), this.retryAfter);
		}
		this.replicaRetryAt = now.plus(this.retryAfter);
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
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		if (iface.isInstance(this)) {
			return iface.cast(this);
		}
		throw new SQLException("Not a wrapper for " + iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) {
		return iface.isInstance(this);
	}

}
