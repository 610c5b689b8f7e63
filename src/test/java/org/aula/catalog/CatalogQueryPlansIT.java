package org.aula.catalog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog's hot queries use their indexes on PostgreSQL once the table is big enough
 * for the planner to care: 20,000 courses of 200 teachers, half of them published.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogQueryPlansIT {

	private static final int TEACHERS = 200;

	private static final int COURSES = 20_000;

	RunningAula aula;

	JdbcTemplate jdbc;

	UUID teacher;

	@BeforeAll
	void fill() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", ExternalServices.freshPostgresDatabase());
		settings.put("spring.datasource.username", ExternalServices.POSTGRES_USER);
		settings.put("spring.datasource.password", ExternalServices.POSTGRES_PASSWORD);
		settings.put("aula.tokens.jwt-secret", TestTokens.SECRET);
		settings.put("spring.main.sources", ControlledCourseAccess.class.getName());
		settings.put("aula.demo.enabled", "false");
		this.aula = RunningAula.start(settings);
		this.jdbc = this.aula.bean(JdbcTemplate.class);
		OffsetDateTime start = OffsetDateTime.now().minusDays(COURSES);
		List<Object[]> teachers = new ArrayList<>();
		for (int i = 0; i < TEACHERS; i++) {
			teachers.add(new Object[] { UUID.randomUUID(), "teacher" + i + "@plans.aula", "T" + i, start });
		}
		this.jdbc.batchUpdate("INSERT INTO users (id, email, full_name, role, active, registered, created_at)"
				+ " VALUES (?, ?, ?, 'TEACHER', TRUE, TRUE, ?)", teachers);
		this.teacher = (UUID) teachers.get(7)[0];
		List<Object[]> courses = new ArrayList<>();
		for (int i = 0; i < COURSES; i++) {
			OffsetDateTime created = start.plusMinutes(i);
			courses.add(new Object[] { UUID.randomUUID(), "PLN-" + (i % 10000) + "X".repeat(i / 10000), "Course " + i,
					"About course " + i, teachers.get(i % TEACHERS)[0], i % 2 == 0, created, created });
		}
		this.jdbc.batchUpdate("INSERT INTO courses (id, code, title, description, teacher_id, price, currency,"
				+ " published, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 'USD', ?, ?, ?)", courses);
		this.jdbc.execute("ANALYZE courses");
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void publishedCatalogPageUsesTheIndex() {
		String plan = explain("SELECT " + Course.COLUMNS
				+ " FROM courses WHERE published = TRUE ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 100");
		assertThat(plan).contains("courses_published_created_idx").doesNotContain("Seq Scan on courses");
	}

	@Test
	void teachersCoursesUseTheIndex() {
		String plan = explain("SELECT " + Course.COLUMNS + " FROM courses WHERE published = TRUE AND teacher_id = '"
				+ this.teacher + "' ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0");
		assertThat(plan).contains("courses_teacher_created_idx").doesNotContain("Seq Scan on courses");
		String count = explain(
				"SELECT COUNT(*) FROM courses WHERE published = TRUE AND teacher_id = '" + this.teacher + "'");
		assertThat(count).contains("courses_teacher_created_idx").doesNotContain("Seq Scan on courses");
	}

	@Test
	void courseByCodeUsesTheUniqueIndex() {
		assertThat(explain("SELECT " + Course.COLUMNS + " FROM courses WHERE code = 'PLN-42'"))
			.contains("courses_code_key");
	}

	private String explain(String sql) {
		return String.join("\n", this.jdbc.queryForList("EXPLAIN " + sql, String.class));
	}

}
