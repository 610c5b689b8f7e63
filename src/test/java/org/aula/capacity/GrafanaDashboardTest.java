package org.aula.capacity;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard imports into any Grafana: its Prometheus data source is an input chosen
 * at import, and its panels are the ones operations.md describes. Whether its metrics
 * exist is checked against a running Aula by the capacity ITs.
 */
class GrafanaDashboardTest {

	private final GrafanaDashboard dashboard = GrafanaDashboard.read();

	@Test
	void asksForItsPrometheusDataSourceAtImport() {
		JsonNode input = this.dashboard.json.get("__inputs").get(0);
		assertThat(input.get("name").asString()).isEqualTo("DS_PROMETHEUS");
		assertThat(input.get("pluginId").asString()).isEqualTo("prometheus");
		for (JsonNode panel : this.dashboard.panels()) {
			if (!panel.get("type").asString().equals("row")) {
				assertThat(panel.get("datasource").get("uid").asString()).as(panel.get("title").asString())
					.isEqualTo("${DS_PROMETHEUS}");
				for (JsonNode target : panel.get("targets")) {
					assertThat(target.get("datasource").get("uid").asString()).isEqualTo("${DS_PROMETHEUS}");
				}
			}
		}
		assertThat(this.dashboard.json.get("templating").get("list").get(0).get("datasource").get("uid").asString())
			.isEqualTo("${DS_PROMETHEUS}");
	}

	@Test
	void hasTheOperatorsPanelsWithUniqueIds() {
		Set<Integer> ids = new HashSet<>();
		Set<String> titles = new HashSet<>();
		for (JsonNode panel : this.dashboard.panels()) {
			assertThat(ids.add(panel.get("id").asInt())).as("unique id of " + panel.get("title")).isTrue();
			titles.add(panel.get("title").asString());
		}
		assertThat(titles).contains("Request rate", "Latency percentiles", "Error rate", "Database pool",
				"Cache hit rate", "Job queue", "Active users and open chat sockets", "Capacity signals",
				"Scaling stage");
	}

	@Test
	void readsTheMetricNamesOutOfPromQl() {
		assertThat(GrafanaDashboard.metricNames("histogram_quantile(0.95, sum by (le) (rate("
				+ "http_server_requests_seconds_bucket{instance=~\"$instance\", uri!=\"/x\"}[$__rate_interval])))"))
			.containsExactly("http_server_requests_seconds_bucket");
		assertThat(GrafanaDashboard.metricNames("sum(rate(a_total[5m])) / ignoring (x) sum(b_total offset 1h) > 2e3"))
			.containsExactly("a_total", "b_total");
		assertThat(this.dashboard.metricNames()).contains("http_server_requests_seconds_bucket",
				"http_server_requests_seconds_count", "hikaricp_connections_active", "aula_cache_gets_total",
				"aula_jobs_queue", "aula_chat_connections", "aula_active_users", "aula_capacity_signal_state",
				"aula_capacity_stage", "aula_capacity_recommended_stage");
		assertThat(this.dashboard.exactMatchers()).containsEntry("aula_cache_gets_total", Set.of("result=\"hit\""));
	}

}
