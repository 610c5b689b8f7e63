package org.aula.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.aula.platform.web.Conflict;
import org.aula.platform.web.FieldError;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.NotFound;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a course's modules and lessons by its teacher or an admin, under the same
 * rules as {@link CourseEditing}: 404 for a course the caller does not manage, an audit
 * row per change, cache eviction on commit.
 */
@Service
class OutlineEditing {

	private static final int MAX_BODY = 100_000;

	private final CourseEditing courses;

	private final Outlines outlines;

	private final CatalogAudit audit;

	private final CatalogCache cache;

	OutlineEditing(CourseEditing courses, Outlines outlines, CatalogAudit audit, CatalogCache cache) {
		this.courses = courses;
		this.outlines = outlines;
		this.audit = audit;
		this.cache = cache;
	}

	@Transactional
	CourseModule addModule(Caller caller, String code, ModuleDraft draft) {
		Course course = this.courses.managed(caller, code);
		List<FieldError> errors = new ArrayList<>();
		Texts.require("title", draft.title(), 200, errors);
		positive("number", draft.number(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		int number = (draft.number() != null) ? draft.number() : this.outlines.nextModuleNumber(course.id());
		CourseModule module = new CourseModule(UUID.randomUUID(), course.id(), number, draft.title().strip());
		try {
			this.outlines.insertModule(module);
		}
		catch (DuplicateKeyException ex) {
			throw numberTaken(number);
		}
		this.audit.module("module.create", module.id(),
				Map.of("course", code, "number", number, "title", module.title()));
		this.cache.outlineChanged(code);
		return module;
	}

	@Transactional
	CourseModule updateModule(Caller caller, String code, int number, ModuleDraft changes) {
		CourseModule current = module(caller, code, number);
		List<FieldError> errors = new ArrayList<>();
		if (changes.title() != null) {
			Texts.require("title", changes.title(), 200, errors);
		}
		positive("number", changes.number(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		CourseModule updated = new CourseModule(current.id(), current.courseId(),
				Objects.requireNonNullElse(changes.number(), current.number()),
				(changes.title() != null) ? changes.title().strip() : current.title());
		try {
			this.outlines.updateModule(updated);
		}
		catch (DuplicateKeyException ex) {
			throw numberTaken(updated.number());
		}
		this.audit.module("module.update", current.id(),
				Map.of("course", code, "number", updated.number(), "title", updated.title()));
		this.cache.outlineChanged(code);
		return updated;
	}

	@Transactional
	void deleteModule(Caller caller, String code, int number) {
		CourseModule module = module(caller, code, number);
		this.outlines.deleteModule(module.id());
		this.audit.module("module.delete", module.id(), Map.of("course", code, "number", number));
		this.cache.outlineChanged(code);
	}

	@Transactional
	Lesson addLesson(Caller caller, String code, int number, LessonDraft draft) {
		CourseModule module = module(caller, code, number);
		List<FieldError> errors = new ArrayList<>();
		Texts.require("title", draft.title(), 200, errors);
		checkLesson(draft, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		int position = (draft.position() != null) ? draft.position() : this.outlines.nextLessonPosition(module.id());
		Lesson lesson = new Lesson(UUID.randomUUID(), module.id(), number, module.courseId(), code, null, position,
				draft.title().strip(), Objects.requireNonNullElse(draft.kind(), LessonKind.TEXT), draft.body(),
				draft.durationSeconds(), null);
		try {
			this.outlines.insertLesson(lesson);
		}
		catch (DuplicateKeyException ex) {
			throw positionTaken(position);
		}
		this.audit.lesson("lesson.create", lesson.id(),
				Map.of("course", code, "module", number, "position", position, "title", lesson.title()));
		this.cache.outlineChanged(code);
		return lesson;
	}

	@Transactional
	Lesson updateLesson(Caller caller, UUID lessonId, LessonDraft changes) {
		Lesson current = managedLesson(caller, lessonId);
		List<FieldError> errors = new ArrayList<>();
		if (changes.title() != null) {
			Texts.require("title", changes.title(), 200, errors);
		}
		checkLesson(changes, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Lesson updated = new Lesson(current.id(), current.moduleId(), current.moduleNumber(), current.courseId(),
				current.courseCode(), current.teacherId(),
				Objects.requireNonNullElse(changes.position(), current.position()),
				(changes.title() != null) ? changes.title().strip() : current.title(),
				Objects.requireNonNullElse(changes.kind(), current.kind()),
				(changes.body() != null) ? changes.body() : current.body(),
				(changes.durationSeconds() != null) ? changes.durationSeconds() : current.durationSeconds(),
				current.media());
		save(updated);
		Map<String, Object> diff = new LinkedHashMap<>();
		diff.put("course", current.courseCode());
		if (updated.position() != current.position()) {
			diff.put("position", updated.position());
		}
		if (!updated.title().equals(current.title())) {
			diff.put("title", updated.title());
		}
		if (updated.kind() != current.kind()) {
			diff.put("kind", updated.kind().name());
		}
		if (!Objects.equals(updated.body(), current.body())) {
			diff.put("body", "changed");
		}
		if (!Objects.equals(updated.durationSeconds(), current.durationSeconds())) {
			diff.put("durationSeconds", updated.durationSeconds());
		}
		this.audit.lesson("lesson.update", current.id(), diff);
		this.cache.outlineChanged(current.courseCode());
		return updated;
	}

	/**
	 * Points the lesson at an uploaded file; a video makes it a VIDEO lesson, else FILE.
	 */
	@Transactional
	Lesson attachMedia(Caller caller, UUID lessonId, MediaRef media) {
		Lesson current = managedLesson(caller, lessonId);
		LessonKind kind = media.contentType().startsWith("video/") ? LessonKind.VIDEO : LessonKind.FILE;
		Lesson updated = new Lesson(current.id(), current.moduleId(), current.moduleNumber(), current.courseId(),
				current.courseCode(), current.teacherId(), current.position(), current.title(), kind, current.body(),
				current.durationSeconds(), media);
		save(updated);
		this.audit.lesson("lesson.media", current.id(), Map.of("course", current.courseCode(), "sha256", media.sha256(),
				"contentType", media.contentType(), "size", media.size()));
		this.cache.outlineChanged(current.courseCode());
		return updated;
	}

	@Transactional
	void deleteLesson(Caller caller, UUID lessonId) {
		Lesson lesson = managedLesson(caller, lessonId);
		this.outlines.deleteLesson(lesson.id());
		this.audit.lesson("lesson.delete", lesson.id(),
				Map.of("course", lesson.courseCode(), "module", lesson.moduleNumber(), "position", lesson.position()));
		this.cache.outlineChanged(lesson.courseCode());
	}

	/**
	 * The lesson, with its course locked, if the caller manages the course.
	 * @throws NotFound when there is no such lesson or the caller does not manage it
	 */
	Lesson managedLesson(Caller caller, UUID lessonId) {
		Lesson lesson = this.outlines.lesson(lessonId).orElseThrow(() -> new NotFound("Lesson"));
		try {
			this.courses.managed(caller, lesson.courseCode());
		}
		catch (NotFound ex) {
			throw new NotFound("Lesson");
		}
		return this.outlines.lesson(lessonId).orElseThrow(() -> new NotFound("Lesson"));
	}

	private void save(Lesson lesson) {
		try {
			this.outlines.updateLesson(lesson);
		}
		catch (DuplicateKeyException ex) {
			throw positionTaken(lesson.position());
		}
	}

	private CourseModule module(Caller caller, String code, int number) {
		Course course = this.courses.managed(caller, code);
		return this.outlines.module(course.id(), number).orElseThrow(() -> new NotFound("Module"));
	}

	private static void checkLesson(LessonDraft draft, List<FieldError> errors) {
		positive("position", draft.position(), errors);
		if (draft.body() != null && draft.body().length() > MAX_BODY) {
			errors.add(new FieldError("body", "must be at most " + MAX_BODY + " characters"));
		}
		if (draft.durationSeconds() != null && draft.durationSeconds() < 0) {
			errors.add(new FieldError("durationSeconds", "must be 0 or more"));
		}
	}

	private static void positive(String field, Integer value, List<FieldError> errors) {
		if (value != null && (value < 1 || value > 10_000)) {
			errors.add(new FieldError(field, "must be between 1 and 10000"));
		}
	}

	private static Conflict numberTaken(int number) {
		return new Conflict(CatalogProblems.MODULE_NUMBER_TAKEN, "The course already has a module " + number + ".");
	}

	private static Conflict positionTaken(int position) {
		return new Conflict(CatalogProblems.LESSON_POSITION_TAKEN,
				"The module already has a lesson at position " + position + ".");
	}

	/** A new module, or changes to one; a field left out is chosen or kept. */
	record ModuleDraft(Integer number, String title) {
	}

	/** A new lesson, or changes to one; a field left out is defaulted or kept. */
	record LessonDraft(Integer position, String title, LessonKind kind, String body, Integer durationSeconds) {
	}

}
