package org.aula.platform.config;

import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aula in its scaled-out configuration against the real PostgreSQL and Redis of this
 * machine: it starts from an empty database, migrates it, and reports both dependencies
 * ready.
 */
@RequiresPostgres
@RequiresRedis
class SharedModeIT {

	static RunningAula aula;

	@BeforeAll
	static void start() {
		aula = RunningAula.start(RunningAula.sharedServices());
	}

	@AfterAll
	static void stop() {
		if (aula != null) {
			aula.close();
		}
	}

	@Test
	void readyWithDatabaseAndRedis() {
		Response response = aula.http().get("/api/ready");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("checks").get("database").asString()).isEqualTo("UP");
		assertThat(response.json().get("checks").get("redis").asString()).isEqualTo("UP");
	}

	@Test
	void migratedTheEmptyPostgresDatabase() {
		JdbcClient jdbc = aula.bean(JdbcClient.class);
		assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
			.isPositive();
		assertThat(jdbc.sql("select count(*) from event_publication").query(Integer.class).single()).isZero();
	}

	@Test
	void kubernetesProbesAnswer() {
		HttpApi http = aula.http();
		assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void exposesPoolAndHttpMetricsForPrometheus() {
		HttpApi http = aula.http();
		http.get("/api/health");
		String metrics = http.get("/actuator/prometheus").body();
		assertThat(metrics).contains("hikaricp_connections_max{pool=\"aula-primary\"")
			.contains("http_server_requests_seconds_bucket")
			.contains("jvm_memory_used_bytes");
	}

	@Test
	void startupTableNamesEveryAdapterOnRedis() {
		String table = StartupReport.table(aula.bean(StartupReport.class).rows(aula.context()));
		assertThat(table).containsPattern("\\| mode\\s+\\| shared")
			.containsPattern("\\| cache\\s+\\| redis")
			.containsPattern("\\| rate limit\\s+\\| redis")
			.containsPattern("\\| token revocation\\s+\\| redis")
			.containsPattern("\\| pub/sub\\s+\\| redis")
			.contains("PostgreSQL //127.0.0.1:5432/aula_it_");
	}

}
