package org.aula.learning;

import org.aula.platform.jdbc.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code lesson_completions} table. */
@Repository
class Completions {

	static final String COMPLETED_IF_ENROLLED = "SELECT c.lesson_id FROM enrolments e LEFT JOIN lesson_completions c"
			+ " ON c.student_id = e.student_id AND c.course_id = e.course_id"
			+ " WHERE e.student_id = ? AND e.course_id = ? AND e.status = 'ACTIVE'";

	private final JdbcClient jdbc;

	Completions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the completion unless it already is; the first time is kept. */
	void record(UUID studentId, UUID lessonId, UUID courseId, Instant at) {
		this.jdbc
			.sql("INSERT INTO lesson_completions (student_id, lesson_id, course_id, completed_at)"
					+ " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(studentId, lessonId, courseId, Timestamps.of(at))
			.update();
	}

	/**
	 * @return how many of the given lessons the student has completed
	 */
	int countAmong(UUID studentId, UUID courseId, Collection<UUID> lessonIds) {
		if (lessonIds.isEmpty()) {
			return 0;
		}
		return this.jdbc
			.sql("SELECT COUNT(*) FROM lesson_completions WHERE student_id = :student AND course_id = :course"
					+ " AND lesson_id IN (:lessons)")
			.param("student", studentId)
			.param("course", courseId)
			.param("lessons", List.copyOf(lessonIds))
			.query(Long.class)
			.single()
			.intValue();
	}

	/**
	 * @return per course, how many lessons the student completed and when last
	 */
	Map<UUID, Activity> activityByCourse(UUID studentId) {
		Map<UUID, Activity> activity = new HashMap<>();
		this.jdbc
			.sql("SELECT course_id, COUNT(*) AS completed, MAX(completed_at) AS last_completed_at"
					+ " FROM lesson_completions WHERE student_id = ? GROUP BY course_id")
			.param(studentId)
			.query((rs) -> {
				activity.put(rs.getObject("course_id", UUID.class),
						new Activity(rs.getInt("completed"), Timestamps.read(rs, "last_completed_at")));
			});
		return activity;
	}

	/**
	 * The lessons of a course the student has completed, or nothing at all when the
	 * student is not actively enrolled in it: one query that reads the enrolment by its
	 * unique key and the completions by the student-and-course index.
	 * @return empty when not actively enrolled, else the completed lesson ids (possibly
	 * none)
	 */
	Optional<Set<UUID>> completedIfEnrolled(UUID studentId, UUID courseId) {
		List<Optional<UUID>> rows = this.jdbc.sql(COMPLETED_IF_ENROLLED)
			.params(studentId, courseId)
			.query((rs, row) -> Optional.ofNullable(rs.getObject("lesson_id", UUID.class)))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(rows.stream().flatMap(Optional::stream).collect(Collectors.toSet()));
	}

	record Activity(int completedLessons, Instant lastCompletedAt) {
	}

}
