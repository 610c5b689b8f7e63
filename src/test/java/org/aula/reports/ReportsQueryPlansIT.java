package org.aula.reports;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sales report's queries use the aggregate's indexes on PostgreSQL with realistic
 * volume: 200 courses over two years, a row of enrolments every day and a row of sales
 * every other day (about 220,000 rows).
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsQueryPlansIT {

	private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

	RunningAula aula;

	JdbcClient jdbc;

	UUID course;

	@BeforeAll
	void fill() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", ExternalServices.freshPostgresDatabase());
		settings.put("spring.datasource.username", ExternalServices.POSTGRES_USER);
		settings.put("spring.datasource.password", ExternalServices.POSTGRES_PASSWORD);
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.reports.refresh-cron", "-");
		this.aula = RunningAula.start(settings);
		this.jdbc = this.aula.bean(JdbcClient.class);
		JdbcTemplate template = this.aula.bean(JdbcTemplate.class);
		template.execute("""
				INSERT INTO sales_daily (utc_day, course_id, currency, enrolments, sales, revenue, refreshed_at)
				SELECT DATE '2024-01-01' + d, md5('course' || c)::uuid, '', 1 + d % 5, 0, 0, now()
				FROM generate_series(0, 729) d CROSS JOIN generate_series(1, 200) c
				""");
		template.execute("""
				INSERT INTO sales_daily (utc_day, course_id, currency, enrolments, sales, revenue, refreshed_at)
				SELECT DATE '2024-01-01' + d, md5('course' || c)::uuid, 'EUR', 0, 1 + d % 3, 19.90 * (1 + d % 3), now()
				FROM generate_series(0, 729, 2) d CROSS JOIN generate_series(1, 200) c
				""");
		template.execute("ANALYZE sales_daily");
		this.course = this.jdbc.sql("SELECT md5('course7')::uuid").query(UUID.class).single();
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void aMonthOfEveryCourseByDayUsesThePrimaryKey() {
		assertThat(explain(SalesDaily.byDaySql(false), FIRST_DAY.plusDays(300), FIRST_DAY.plusDays(329), null))
			.contains("sales_daily_pkey")
			.doesNotContain("Seq Scan");
	}

	@Test
	void aQuarterOfEveryCourseByMonthUsesThePrimaryKey() {
		assertThat(explain(SalesDaily.byMonthSql(false), FIRST_DAY.plusDays(300), FIRST_DAY.plusDays(389), null))
			.contains("sales_daily_pkey")
			.doesNotContain("Seq Scan");
	}

	@Test
	void oneCourseOverYearsUsesTheCourseIndex() {
		LocalDate last = FIRST_DAY.plusDays(ReportRange.MAX_DAYS - 1);
		assertThat(explain(SalesDaily.byDaySql(true), FIRST_DAY, last, this.course))
			.contains("sales_daily_course_day_idx")
			.doesNotContain("Seq Scan");
		assertThat(explain(SalesDaily.byMonthSql(true), FIRST_DAY, last, this.course))
			.contains("sales_daily_course_day_idx")
			.doesNotContain("Seq Scan");
	}

	private String explain(String sql, LocalDate from, LocalDate to, UUID courseId) {
		JdbcClient.StatementSpec spec = this.jdbc.sql("EXPLAIN " + sql)
			.param("from", from)
			.param("to", to)
			.param("limit", 100_001);
		if (courseId != null) {
			spec = spec.param("course", courseId);
		}
		List<String> plan = spec.query(String.class).list();
		return String.join("\n", plan);
	}

}
