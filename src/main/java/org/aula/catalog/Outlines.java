package org.aula.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code course_modules} and {@code lessons} tables: a course's outline. */
@Repository
class Outlines {

	private final JdbcClient jdbc;

	Outlines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CourseModule> module(UUID courseId, int number) {
		return this.jdbc
			.sql("SELECT id, course_id, number, title FROM course_modules WHERE course_id = ? AND number = ?")
			.params(courseId, number)
			.query(CourseModule.class)
			.optional();
	}

	int nextModuleNumber(UUID courseId) {
		return this.jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM course_modules WHERE course_id = ?")
			.param(courseId)
			.query(Integer.class)
			.single();
	}

	void insertModule(CourseModule module) {
		this.jdbc.sql("INSERT INTO course_modules (id, course_id, number, title) VALUES (?, ?, ?, ?)")
			.params(module.id(), module.courseId(), module.number(), module.title())
			.update();
	}

	void updateModule(CourseModule module) {
		this.jdbc.sql("UPDATE course_modules SET number = ?, title = ? WHERE id = ?")
			.params(module.number(), module.title(), module.id())
			.update();
	}

	void deleteModule(UUID moduleId) {
		this.jdbc.sql("DELETE FROM course_modules WHERE id = ?").param(moduleId).update();
	}

	Optional<Lesson> lesson(UUID lessonId) {
		return this.jdbc.sql("SELECT " + Lesson.COLUMNS + Lesson.FROM + " WHERE l.id = ?")
			.param(lessonId)
			.query(Lesson::map)
			.optional();
	}

	int nextLessonPosition(UUID moduleId) {
		return this.jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM lessons WHERE module_id = ?")
			.param(moduleId)
			.query(Integer.class)
			.single();
	}

	void insertLesson(Lesson lesson) {
		this.jdbc
			.sql("INSERT INTO lessons (id, module_id, position, title, kind, body, duration_seconds)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(lesson.id(), lesson.moduleId(), lesson.position(), lesson.title(), lesson.kind().name(),
					lesson.body(), lesson.durationSeconds())
			.update();
	}

	void updateLesson(Lesson lesson) {
		MediaRef media = lesson.media();
		this.jdbc
			.sql("UPDATE lessons SET position = ?, title = ?, kind = ?, body = ?, duration_seconds = ?,"
					+ " media_sha256 = ?, media_type = ?, media_name = ?, media_size = ? WHERE id = ?")
			.params(lesson.position(), lesson.title(), lesson.kind().name(), lesson.body(), lesson.durationSeconds(),
					(media != null) ? media.sha256() : null, (media != null) ? media.contentType() : null,
					(media != null) ? media.fileName() : null, (media != null) ? media.size() : null, lesson.id())
			.update();
	}

	void deleteLesson(UUID lessonId) {
		this.jdbc.sql("DELETE FROM lessons WHERE id = ?").param(lessonId).update();
	}

	/** Every lesson of the course, in module and position order, in one query. */
	List<Lesson> lessonsOf(UUID courseId) {
		return this.jdbc.sql("SELECT " + Lesson.COLUMNS + Lesson.FROM + " WHERE c.id = ? ORDER BY m.number, l.position")
			.param(courseId)
			.query(Lesson::map)
			.list();
	}

	/** The modules of a course with their lessons, without bodies, in one query. */
	List<CourseDetail.ModuleOutline> outline(UUID courseId) {
		Map<Integer, String> titles = new LinkedHashMap<>();
		Map<Integer, List<CourseDetail.LessonOutline>> lessons = new LinkedHashMap<>();
		this.jdbc
			.sql("SELECT m.number, m.title AS module_title, l.id, l.position, l.title, l.kind, l.duration_seconds"
					+ " FROM course_modules m LEFT JOIN lessons l ON l.module_id = m.id WHERE m.course_id = ?"
					+ " ORDER BY m.number, l.position")
			.param(courseId)
			.query((rs) -> {
				int number = rs.getInt("number");
				titles.putIfAbsent(number, rs.getString("module_title"));
				List<CourseDetail.LessonOutline> list = lessons.computeIfAbsent(number, (n) -> new ArrayList<>());
				UUID id = rs.getObject("id", UUID.class);
				if (id != null) {
					list.add(new CourseDetail.LessonOutline(id, rs.getInt("position"), rs.getString("title"),
							LessonKind.valueOf(rs.getString("kind")), rs.getObject("duration_seconds", Integer.class),
							null, null));
				}
			});
		List<CourseDetail.ModuleOutline> modules = new ArrayList<>();
		titles.forEach((number, title) -> modules
			.add(new CourseDetail.ModuleOutline(number, title, List.copyOf(lessons.get(number)))));
		return modules;
	}

	/** The courses whose lessons use a media file, for the download access check. */
	List<UsedMedia> usesOf(String sha256) {
		return this.jdbc
			.sql("SELECT DISTINCT c.id AS course_id, c.teacher_id, l.media_type, l.media_name, l.media_size"
					+ Lesson.FROM + " WHERE l.media_sha256 = ?")
			.param(sha256)
			.query((rs, row) -> new UsedMedia(rs.getObject("course_id", UUID.class),
					rs.getObject("teacher_id", UUID.class), rs.getString("media_type"), rs.getString("media_name"),
					rs.getLong("media_size")))
			.list();
	}

	/** A course that uses a media file, and how that file is described there. */
	record UsedMedia(UUID courseId, UUID teacherId, String contentType, String fileName, long size) {
	}

}
