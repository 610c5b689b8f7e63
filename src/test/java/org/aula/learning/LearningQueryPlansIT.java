package org.aula.learning;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * The learning module's hot queries use their indexes on PostgreSQL with realistic
 * volume: 3,000 students in 8 courses each (24,000 enrolments), 5 completions and a grade
 * per enrolment, and a sale for every fourth.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningQueryPlansIT {

	private static final int STUDENTS = 3_000;

	private static final int COURSES = 300;

	private static final int COURSES_PER_STUDENT = 8;

	RunningAula aula;

	JdbcTemplate jdbc;

	UUID student;

	UUID course;

	OffsetDateTime firstEnrolment;

	@BeforeAll
	void fill() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", ExternalServices.freshPostgresDatabase());
		settings.put("spring.datasource.username", ExternalServices.POSTGRES_USER);
		settings.put("spring.datasource.password", ExternalServices.POSTGRES_PASSWORD);
		settings.put("aula.demo.enabled", "false");
		this.aula = RunningAula.start(settings);
		this.jdbc = this.aula.bean(JdbcTemplate.class);
		List<UUID> courses = new ArrayList<>();
		for (int i = 0; i < COURSES; i++) {
			courses.add(UUID.randomUUID());
		}
		OffsetDateTime start = OffsetDateTime.now().minusDays(400);
		this.firstEnrolment = start;
		List<Object[]> enrolments = new ArrayList<>();
		List<Object[]> completions = new ArrayList<>();
		List<Object[]> grades = new ArrayList<>();
		List<Object[]> sales = new ArrayList<>();
		UUID grader = UUID.randomUUID();
		for (int s = 0; s < STUDENTS; s++) {
			UUID studentId = UUID.randomUUID();
			for (int c = 0; c < COURSES_PER_STUDENT; c++) {
				UUID courseId = courses.get((s * 7 + c * 31) % COURSES);
				UUID enrolment = UUID.randomUUID();
				OffsetDateTime at = start.plusMinutes(enrolments.size());
				enrolments.add(new Object[] { enrolment, studentId, courseId, at });
				for (int l = 0; l < 5; l++) {
					completions.add(new Object[] { studentId, UUID.randomUUID(), courseId, at.plusHours(l) });
				}
				grades.add(new Object[] { UUID.randomUUID(), studentId, courseId, grader, at });
				if (enrolments.size() % 4 == 0) {
					sales.add(new Object[] { UUID.randomUUID(), enrolment, "ref-" + enrolment, at });
				}
			}
			if (s == 42) {
				this.student = studentId;
				this.course = courses.get((s * 7) % COURSES);
			}
		}
		this.jdbc.batchUpdate("INSERT INTO enrolments (id, student_id, course_id, status, source, created_at)"
				+ " VALUES (?, ?, ?, 'ACTIVE', 'FREE', ?)", enrolments);
		this.jdbc.batchUpdate(
				"INSERT INTO lesson_completions (student_id, lesson_id, course_id, completed_at) VALUES (?, ?, ?, ?)",
				completions);
		this.jdbc.batchUpdate("INSERT INTO grades (id, student_id, course_id, module_number, score, graded_by,"
				+ " updated_at) VALUES (?, ?, ?, 0, 75, ?, ?)", grades);
		List<Object[]> saleRows = sales.stream()
			.map((sale) -> new Object[] { sale[0], sale[1], new BigDecimal("19.90"), sale[2], sale[3] })
			.toList();
		this.jdbc.batchUpdate("INSERT INTO sales (id, enrolment_id, amount, currency, provider, provider_reference,"
				+ " status, created_at) VALUES (?, ?, ?, 'USD', 'manual', ?, 'COMPLETED', ?)", saleRows);
		this.jdbc.execute("ANALYZE enrolments");
		this.jdbc.execute("ANALYZE lesson_completions");
		this.jdbc.execute("ANALYZE grades");
		this.jdbc.execute("ANALYZE sales");
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void studentsEnrolmentsUseTheIndex() {
		assertThat(
				explain("SELECT * FROM enrolments WHERE student_id = '" + this.student + "' ORDER BY created_at, id"))
			.contains("enrolments_student_course_key")
			.doesNotContain("Seq Scan");
		assertThat(explain("SELECT id FROM enrolments WHERE student_id = '" + this.student + "' AND course_id = '"
				+ this.course + "' AND status = 'ACTIVE'"))
			.contains("enrolments_student_course_key");
	}

	@Test
	void courseEnrolmentsUseTheIndex() {
		assertThat(explain("SELECT * FROM enrolments WHERE course_id = '" + this.course + "' ORDER BY created_at, id"))
			.contains("enrolments_course_idx")
			.doesNotContain("Seq Scan");
	}

	@Test
	void completionsByStudentAndCourseUseTheIndex() {
		assertThat(explain("SELECT COUNT(*) FROM lesson_completions WHERE student_id = '" + this.student
				+ "' AND course_id = '" + this.course + "'"))
			.containsPattern("lesson_completions_student_course_idx|lesson_completions_pkey")
			.doesNotContain("Seq Scan");
		assertThat(explain("SELECT course_id, COUNT(*) FROM lesson_completions WHERE student_id = '" + this.student
				+ "' GROUP BY course_id"))
			.doesNotContain("Seq Scan");
	}

	@Test
	void completedLessonsOfOneCourseUseTheEnrolmentKeyAndTheCompletionIndex() {
		String plan = String.join("\n",
				this.aula.bean(JdbcClient.class)
					.sql("EXPLAIN " + Completions.COMPLETED_IF_ENROLLED)
					.params(this.student, this.course)
					.query(String.class)
					.list());

		assertThat(plan).contains("enrolments_student_course_key")
			.containsPattern("lesson_completions_student_course_idx|lesson_completions_pkey")
			.doesNotContain("Seq Scan");
	}

	@Test
	void gradesByStudentAndByCourseUseTheirIndexes() {
		// Either grades index answers this one; what matters is that no table scan does.
		assertThat(explain("SELECT * FROM grades WHERE student_id = '" + this.student + "' AND course_id = '"
				+ this.course + "' AND module_number = 0"))
			.containsPattern("Index (Only )?Scan using grades_")
			.doesNotContain("Seq Scan");
		assertThat(explain("SELECT * FROM grades WHERE student_id = '" + this.student + "' ORDER BY course_id"))
			.contains("grades_student_course_module_key")
			.doesNotContain("Seq Scan");
		assertThat(explain("SELECT * FROM grades WHERE course_id = '" + this.course + "' ORDER BY student_id"))
			.contains("grades_course_idx")
			.doesNotContain("Seq Scan");
	}

	@Test
	void salesByDateUseTheIndex() {
		assertThat(explain("SELECT COUNT(*), SUM(amount) FROM sales WHERE created_at >= now() - interval '2 days'"))
			.contains("sales_created_idx")
			.doesNotContain("Seq Scan");
	}

	/**
	 * The enrolments here span 400 hours; two of them are the share that the scheduled
	 * refresh (two days) reads of a year of enrolments.
	 */
	@Test
	void salesStatisticsOfRecentDaysUseTheCreationIndexes() {
		OffsetDateTime start = this.firstEnrolment.plusHours(100);
		String plan = String.join("\n",
				this.aula.bean(JdbcClient.class)
					.sql("EXPLAIN " + JdbcSalesStatistics.DAILY)
					.param("start", start)
					.param("end", start.plusHours(2))
					.query(String.class)
					.list());

		assertThat(plan).contains("enrolments_created_idx").contains("sales_created_idx").doesNotContain("Seq Scan");
	}

	private String explain(String sql) {
		return String.join("\n", this.jdbc.queryForList("EXPLAIN " + sql, String.class));
	}

}
