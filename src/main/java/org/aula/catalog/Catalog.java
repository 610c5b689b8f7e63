package org.aula.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.aula.platform.web.NotFound;
import org.aula.platform.web.PageQuery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What the catalog shows: published courses to everyone, through the cache; lesson bodies
 * and media only to enrolled students, the owning teacher and admins.
 */
@Service
class Catalog {

	private final JdbcCourses courses;

	private final Outlines outlines;

	private final CatalogCache cache;

	private final ObjectProvider<CourseAccess> access;

	private final MediaLinks links;

	Catalog(JdbcCourses courses, Outlines outlines, CatalogCache cache, ObjectProvider<CourseAccess> access,
			MediaLinks links) {
		this.courses = courses;
		this.outlines = outlines;
		this.cache = cache;
		this.access = access;
		this.links = links;
	}

	CatalogPage list(String text, UUID teacherId, PageQuery page) {
		return this.cache.page(text, teacherId, page, () -> this.courses.published(text, teacherId, page));
	}

	/**
	 * The caller's own courses, unpublished ones included. Read past the cache: a teacher
	 * must see a course the moment it is created, and the list is theirs alone.
	 */
	CatalogPage taughtBy(Caller caller, PageQuery page) {
		return this.courses.ofTeacher(caller.id(), page);
	}

	/**
	 * @throws NotFound when there is no such course, or it is unpublished and the caller
	 * neither owns it nor is an admin
	 */
	CourseDetail detail(String code, Caller caller) {
		CourseDetail detail = this.cache.detail(code, () -> load(code));
		if (detail == null || !(detail.published() || caller.isAdmin() || detail.teacherId().equals(caller.id()))) {
			throw new NotFound("Course");
		}
		if (!mayRead(caller, detail.id(), detail.teacherId())) {
			return detail;
		}
		Map<UUID, Lesson> lessons = this.outlines.lessonsOf(detail.id())
			.stream()
			.collect(Collectors.toMap(Lesson::id, Function.identity()));
		List<CourseDetail.ModuleOutline> modules = detail.modules()
			.stream()
			.map((module) -> new CourseDetail.ModuleOutline(module.number(), module.title(),
					module.lessons()
						.stream()
						.map((outline) -> withContent(outline, lessons.get(outline.id()), caller))
						.toList()))
			.toList();
		return new CourseDetail(detail.id(), detail.code(), detail.title(), detail.description(), detail.teacherId(),
				detail.price(), detail.currency(), detail.published(), detail.createdAt(), detail.updatedAt(), modules);
	}

	/**
	 * @throws NotFound unless the caller may read the lesson
	 */
	Lesson lesson(UUID lessonId, Caller caller) {
		Lesson lesson = this.outlines.lesson(lessonId).orElseThrow(() -> new NotFound("Lesson"));
		if (!mayRead(caller, lesson.courseId(), lesson.teacherId())) {
			throw new NotFound("Lesson");
		}
		return lesson;
	}

	/**
	 * Lesson bodies and media: the owner, admins, and students enrolled in the course.
	 */
	boolean mayRead(Caller caller, UUID courseId, UUID teacherId) {
		if (caller.id() == null) {
			return false;
		}
		return caller.isAdmin() || caller.id().equals(teacherId)
				|| this.access.getObject().isEnrolled(caller.id(), courseId);
	}

	/**
	 * A lesson's media as shown to a caller who may read the lesson: the link carries
	 * that caller's access.
	 */
	CourseDetail.LessonMedia media(MediaRef media, Caller caller) {
		return (media != null) ? new CourseDetail.LessonMedia(this.links.url(media.sha256(), caller.id()),
				media.contentType(), media.size()) : null;
	}

	private CourseDetail.LessonOutline withContent(CourseDetail.LessonOutline outline, Lesson lesson, Caller caller) {
		if (lesson == null) {
			// Added after the cached outline was read and evicted since: shown from the
			// next read.
			return outline;
		}
		return new CourseDetail.LessonOutline(outline.id(), outline.position(), outline.title(), outline.kind(),
				outline.durationSeconds(), lesson.body(), media(lesson.media(), caller));
	}

	private CourseDetail load(String code) {
		return this.courses.byCode(code)
			.map((course) -> new CourseDetail(course.id(), course.code(), course.title(), course.description(),
					course.teacherId(), course.price(), course.currency(), course.published(), course.createdAt(),
					course.updatedAt(), this.outlines.outline(course.id())))
			.orElse(null);
	}

}
