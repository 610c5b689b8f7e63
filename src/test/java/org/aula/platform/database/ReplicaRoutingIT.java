package org.aula.platform.database;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read-only transactions go to the replica and everything else to the primary. The
 * "replica" here is the same database reached through a TCP proxy under another
 * {@code ApplicationName}, which is what each connection reports as
 * {@code application_name}; stopping the proxy is the replica going away.
 */
@RequiresPostgres
@RequiresRedis
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaRoutingIT {

	private TcpProxy replica;

	private RunningAula aula;

	@BeforeAll
	void start() {
		Map<String, String> settings = new LinkedHashMap<>(RunningAula.sharedServices());
		String primaryUrl = settings.get("spring.datasource.url");
		URI server = URI.create(primaryUrl.substring("jdbc:".length()));
		this.replica = TcpProxy.to(server.getHost(), server.getPort()).start();
		String database = server.getPath();
		settings.put("spring.datasource.url", primaryUrl + "?ApplicationName=aula-primary");
		settings.put("aula.database.replica.url",
				"jdbc:postgresql://127.0.0.1:" + this.replica.port() + database + "?ApplicationName=aula-replica");
		settings.put("aula.database.replica.retry-after", "500ms");
		settings.put("aula.database.replica.connection-timeout", "500ms");
		settings.put("aula.database.expected-instances", "1000");
		settings.put("aula.demo.enabled", "false");
		this.aula = RunningAula.start(settings);
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
		if (this.replica != null) {
			this.replica.close();
		}
	}

	@Test
	void readOnlyTransactionsUseTheReplica() {
		assertThat(applicationName(true)).isEqualTo("aula-replica");
	}

	@Test
	void writesAndReadWriteTransactionsUseThePrimary() {
		assertThat(applicationName(false)).isEqualTo("aula-primary");
		// Flyway migrated through the primary: the replica user could not have.
		assertThat(this.aula.bean(JdbcClient.class)
			.sql("select count(*) from flyway_schema_history")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void readsFallBackToThePrimaryWhileTheReplicaIsDownAndReturnAfterwards() {
		this.replica.stop();
		try {
			// A transaction already holding a pooled replica connection fails with it;
			// the
			// reads after it take the primary.
			await().atMost(Duration.ofSeconds(5))
				.ignoreExceptions()
				.until(() -> "aula-primary".equals(applicationName(true)));
			assertThat(applicationName(true)).isEqualTo("aula-primary");
			Response ready = this.aula.http().get("/api/ready");
			assertThat(ready.status()).isEqualTo(200);
			assertThat(ready.json().get("status").asString()).isEqualTo("DEGRADED");
			assertThat(ready.json().get("checks").get("replica").asString()).isEqualTo("DEGRADED");
		}
		finally {
			this.replica.start();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> "aula-replica".equals(applicationName(true)));
		assertThat(this.aula.http().get("/api/ready").json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void poolBudgetIsCheckedAgainstTheServersConnectionLimit() {
		assertThat(PoolBudget.assess("primary", 1000, 10, 100, 3))
			.hasValueSatisfying((warning) -> assertThat(warning).contains("1000 instances x 10 connections = 10000")
				.contains("allows 97"));
		assertThat(PoolBudget.assess("primary", 3, 10, 100, 3)).isEmpty();
	}

	private String applicationName(boolean readOnly) {
		TransactionTemplate transactions = new TransactionTemplate(this.aula.bean(PlatformTransactionManager.class));
		transactions.setReadOnly(readOnly);
		return transactions.execute((tx) -> this.aula.bean(JdbcClient.class)
			.sql("select current_setting('application_name')")
			.query(String.class)
			.single());
	}

}
