package org.aula.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import java.sql.Connection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Answers "should the load balancer send traffic here?": the instance is accepting
 * traffic (it stops the moment a graceful shutdown begins) and the database answers. A
 * configured Redis or read replica that fails makes the instance {@code DEGRADED}, still
 * ready: it serves on its fall-backs. Each dependency is checked with a short timeout so
 * a dead one is reported, not waited on.
 */
@Component
class ReadinessProbe {

	private static final Logger log = LoggerFactory.getLogger(ReadinessProbe.class);

	private static final int DATABASE_TIMEOUT_SECONDS = 2;

	private final ApplicationAvailability availability;

	private final DataSource dataSource;

	private final ObjectProvider<RedisConnectionFactory> redis;

	private final DataSource replica;

	ReadinessProbe(ApplicationAvailability availability, DataSource dataSource,
			ObjectProvider<RedisConnectionFactory> redis,
			@Qualifier("replicaDataSource") ObjectProvider<DataSource> replica) {
		this.availability = availability;
		this.dataSource = dataSource;
		this.redis = redis;
		this.replica = replica.getIfAvailable();
	}

	Map<String, Status> check() {
		Map<String, Status> checks = new LinkedHashMap<>();
		checks.put("traffic",
				(this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) ? Status.UP : Status.DOWN);
		checks.put("database", database(this.dataSource, Status.DOWN));
		if (this.replica != null) {
			// Reads fall back to the primary while the replica is away: less capacity,
			// not
			// an outage, so the instance stays in the load balancer.
			checks.put("replica", database(this.replica, Status.DEGRADED));
		}
		RedisConnectionFactory factory = this.redis.getIfAvailable();
		if (factory != null) {
			// Without Redis the adapters fall back (local limits, database reads,
			// revocations
			// per ADR 0001): the instance still serves, with less shared state.
			checks.put("redis", redis(factory));
		}
		return checks;
	}

	private static Status database(DataSource dataSource, Status whenFailing) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(DATABASE_TIMEOUT_SECONDS) ? Status.UP : whenFailing;
		}
		catch (Exception ex) {
			log.warn("Readiness: database check failed: {}", ex.getMessage());
			return whenFailing;
		}
	}

	private Status redis(RedisConnectionFactory factory) {
		try (RedisConnection connection = factory.getConnection()) {
			return "PONG".equalsIgnoreCase(connection.ping()) ? Status.UP : Status.DEGRADED;
		}
		catch (Exception ex) {
			log.warn("Readiness: Redis check failed: {}", ex.getMessage());
			return Status.DEGRADED;
		}
	}

	enum Status {

		UP, DEGRADED, DOWN

	}

}
