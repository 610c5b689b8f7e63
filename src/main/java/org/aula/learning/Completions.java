package org.aula.learning;

import org.aula.platform.jdbc.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code lesson_completions} table. */
@Repository
class Completions {

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

	record Activity(int completedLessons, Instant lastCompletedAt) {
	}

}
