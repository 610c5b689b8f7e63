package org.aula.catalog;

import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.web.PageQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code courses} table, and the catalog's read API for other modules. Every method
 * is one statement.
 */
@Repository
class JdbcCourses implements Courses {

	private final JdbcClient jdbc;

	JdbcCourses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Course> byCode(String code) {
		return this.jdbc.sql("SELECT " + Course.COLUMNS + " FROM courses WHERE code = ?")
			.param(code)
			.query(Course::map)
			.optional();
	}

	/**
	 * Locks the course row, so concurrent edits of one course and its outline serialise.
	 */
	Optional<Course> byCodeForUpdate(String code) {
		return this.jdbc.sql("SELECT " + Course.COLUMNS + " FROM courses WHERE code = ? FOR UPDATE")
			.param(code)
			.query(Course::map)
			.optional();
	}

	void insert(Course course) {
		this.jdbc.sql("INSERT INTO courses (" + Course.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(course.id(), course.code(), course.title(), course.description(), course.teacherId(),
					course.price(), course.currency(), course.published(), Timestamps.of(course.createdAt()),
					Timestamps.of(course.updatedAt()))
			.update();
	}

	void update(Course course) {
		this.jdbc
			.sql("UPDATE courses SET title = ?, description = ?, price = ?, currency = ?, published = ?,"
					+ " updated_at = ? WHERE id = ?")
			.params(course.title(), course.description(), course.price(), course.currency(), course.published(),
					Timestamps.of(course.updatedAt()), course.id())
			.update();
	}

	void touch(UUID courseId, Instant at) {
		this.jdbc.sql("UPDATE courses SET updated_at = ? WHERE id = ?").params(Timestamps.of(at), courseId).update();
	}

	void delete(UUID courseId) {
		this.jdbc.sql("DELETE FROM courses WHERE id = ?").param(courseId).update();
	}

	/**
	 * Published courses, newest first, optionally of one teacher and matching a text.
	 * Ordered by creation time then id (both descending) so pages never overlap or skip.
	 */
	CatalogPage published(String text, UUID teacherId, PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE published = TRUE");
		List<Object> params = new ArrayList<>();
		if (teacherId != null) {
			where.append(" AND teacher_id = ?");
			params.add(teacherId);
		}
		if (text != null && !text.isBlank()) {
			String like = "%" + escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%";
			where.append(" AND (LOWER(code) LIKE ? ESCAPE '\\' OR LOWER(title) LIKE ? ESCAPE '\\'"
					+ " OR LOWER(description) LIKE ? ESCAPE '\\')");
			params.add(like);
			params.add(like);
			params.add(like);
		}
		return page(where.toString(), params, page);
	}

	/**
	 * Every course of one teacher, published or not, newest first; served by the
	 * {@code (teacher_id, created_at, id)} index.
	 */
	CatalogPage ofTeacher(UUID teacherId, PageQuery page) {
		return page(" WHERE teacher_id = ?", List.of(teacherId), page);
	}

	/** One page of the courses a WHERE clause selects, newest first, with the total. */
	private CatalogPage page(String where, List<Object> params, PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM courses" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<CourseSummary> items = this.jdbc
			.sql("SELECT " + Course.COLUMNS + " FROM courses" + where
					+ " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(Course::map)
			.list()
			.stream()
			.map(Course::summary)
			.toList();
		return CatalogPage.of(items, page, total);
	}

	@Override
	public Optional<CourseRef> findByCode(String code) {
		return byCode(code).map(Course::ref);
	}

	@Override
	public Optional<CourseRef> findById(UUID id) {
		return this.jdbc.sql("SELECT " + Course.COLUMNS + " FROM courses WHERE id = ?")
			.param(id)
			.query(Course::map)
			.optional()
			.map(Course::ref);
	}

	@Override
	public List<CourseRef> findAllById(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + Course.COLUMNS + " FROM courses WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(Course::map)
			.list()
			.stream()
			.map(Course::ref)
			.toList();
	}

	@Override
	public List<CourseRef> taughtBy(UUID teacherId) {
		return this.jdbc.sql("SELECT " + Course.COLUMNS + " FROM courses WHERE teacher_id = ? ORDER BY created_at, id")
			.param(teacherId)
			.query(Course::map)
			.list()
			.stream()
			.map(Course::ref)
			.toList();
	}

	@Override
	public Optional<LessonRef> findLesson(UUID lessonId) {
		return this.jdbc.sql("SELECT " + Lesson.COLUMNS + Lesson.FROM + " WHERE l.id = ?")
			.param(lessonId)
			.query(Lesson::map)
			.optional()
			.map(Lesson::ref);
	}

	@Override
	public List<UUID> lessonIds(UUID courseId) {
		return this.jdbc
			.sql("SELECT l.id FROM course_modules m JOIN lessons l ON l.module_id = m.id WHERE m.course_id = ?"
					+ " ORDER BY m.number, l.position")
			.param(courseId)
			.query(UUID.class)
			.list();
	}

	@Override
	public Map<UUID, Integer> lessonCounts(Collection<UUID> courseIds) {
		Map<UUID, Integer> counts = new HashMap<>();
		if (courseIds.isEmpty()) {
			return counts;
		}
		courseIds.forEach((id) -> counts.put(id, 0));
		this.jdbc
			.sql("SELECT m.course_id, COUNT(*) AS lessons FROM course_modules m JOIN lessons l ON l.module_id = m.id"
					+ " WHERE m.course_id IN (:ids) GROUP BY m.course_id")
			.param("ids", List.copyOf(courseIds))
			.query((rs) -> {
				counts.put(rs.getObject("course_id", UUID.class), rs.getInt("lessons"));
			});
		return counts;
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
