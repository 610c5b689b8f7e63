package org.aula.platform.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the operator, once, what this instance is running on: which database, which store
 * behind each adapter, which profile and port. Printed as a table for people and logged
 * as one structured event for machines.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final Environment environment;

	private final DataSource dataSource;

	StartupReport(Environment environment, DataSource dataSource) {
		this.environment = environment;
		this.dataSource = dataSource;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		List<String[]> rows = rows(event.getApplicationContext());
		System.out.println(table(rows));
		var line = log.atInfo();
		for (String[] row : rows) {
			line = line.addKeyValue("aula." + row[0].replace(' ', '_').replace("/", ""), row[1]);
		}
		line.log("Aula ready: {}", String.join("; ", rows.stream().map((row) -> row[0] + "=" + row[1]).toList()));
	}

	List<String[]> rows(ApplicationContext context) {
		boolean redisConfigured = PlatformEnvironment.isRedisConfigured(this.environment);
		Map<SwitchableAdapter, AdapterStore> stores = PlatformEnvironment.resolveStores(this.environment,
				redisConfigured);
		List<String[]> rows = new ArrayList<>();
		rows.add(row("mode", PlatformEnvironment.isEmbedded(this.environment) ? "embedded" : "shared"));
		rows.add(row("database", DatabaseDescription.of(this.environment.getProperty("spring.datasource.url", ""))));
		rows.add(row("db pool", poolDescription()));
		rows.add(row("redis",
				redisConfigured
						? DatabaseDescription.redis(this.environment.getProperty(PlatformEnvironment.REDIS_URL, ""))
						: "not configured"));
		stores.forEach((adapter, store) -> rows.add(row(adapter.label(), store.key())));
		boolean worker = this.environment.getProperty("aula.jobs.worker.enabled", Boolean.class, true);
		rows.add(row("job worker", worker
				? "on, " + this.environment.getProperty("aula.jobs.worker.threads", "4") + " threads (database queue)"
				: "off (API-only instance)"));
		String[] profiles = this.environment.getActiveProfiles();
		rows.add(row("profiles", (profiles.length == 0) ? "default" : String.join(",", Arrays.asList(profiles))));
		rows.add(row("port", port(context)));
		return rows;
	}

	private String poolDescription() {
		if (this.dataSource instanceof HikariDataSource hikari) {
			return "%s, max %d, min idle %d, timeout %d ms".formatted(hikari.getPoolName(), hikari.getMaximumPoolSize(),
					hikari.getMinimumIdle(), hikari.getConnectionTimeout());
		}
		return this.dataSource.getClass().getSimpleName();
	}

	private static String port(ApplicationContext context) {
		if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			return String.valueOf(web.getWebServer().getPort());
		}
		return "none";
	}

	private static String[] row(String name, String value) {
		return new String[] { name, value };
	}

	static String table(List<String[]> rows) {
		int left = rows.stream().mapToInt((row) -> row[0].length()).max().orElse(0);
		int right = rows.stream().mapToInt((row) -> row[1].length()).max().orElse(0);
		String rule = "+" + "-".repeat(left + 2) + "+" + "-".repeat(right + 2) + "+";
		StringBuilder table = new StringBuilder("\n").append(rule).append('\n');
		for (String[] row : rows) {
			table.append("| ").append(pad(row[0], left)).append(" | ").append(pad(row[1], right)).append(" |\n");
		}
		return table.append(rule).toString();
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(width - text.length());
	}

}
