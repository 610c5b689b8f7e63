package org.aula.platform.database;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * With {@code AULA_DATABASE_REPLICA_URL} set, the application's {@link DataSource} routes
 * each transaction by its read-only flag: {@code @Transactional(readOnly = true)} work
 * goes to the replica (falling back to the primary while the replica fails), everything
 * else, Flyway and the job queue included, to the primary. The connection is chosen
 * lazily, when the first statement runs, so the transaction's flag is known by then.
 * <p>
 * A replica lags its primary: only reads that may miss the caller's latest write are
 * marked read-only; a read-your-writes path stays in a read-write transaction.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${aula.database.replica.url:}'.isBlank()")
class ReplicaRoutingConfiguration {

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource primaryDataSource(DataSourceProperties properties) {
		return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
	}

	@Bean
	HikariDataSource replicaDataSource(DataSourceProperties primary, DatabaseSettings settings) {
		DatabaseSettings.Replica replica = settings.replica();
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("aula-replica");
		pool.setJdbcUrl(replica.url());
		pool.setUsername(replica.username().isEmpty() ? primary.determineUsername() : replica.username());
		pool.setPassword(replica.password().isEmpty() ? primary.determinePassword() : replica.password());
		pool.setMaximumPoolSize(replica.poolSize());
		pool.setMinimumIdle(replica.minIdle());
		pool.setConnectionTimeout(replica.connectionTimeout().toMillis());
		pool.setReadOnly(true);
		// Start even when the replica is down: reads fall back to the primary meanwhile.
		pool.setInitializationFailTimeout(-1);
		return pool;
	}

	@Bean
	@Primary
	DataSource dataSource(HikariDataSource primaryDataSource, HikariDataSource replicaDataSource,
			DatabaseSettings settings, MeterRegistry registry) {
		LazyConnectionDataSourceProxy routing = new LazyConnectionDataSourceProxy(primaryDataSource);
		routing.setReadOnlyDataSource(new ReplicaWithFallback(replicaDataSource, primaryDataSource,
				settings.replica().retryAfter(), Clock.systemUTC(), registry));
		return routing;
	}

}
