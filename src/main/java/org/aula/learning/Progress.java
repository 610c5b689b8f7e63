package org.aula.learning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.aula.catalog.CourseRef;
import org.aula.catalog.Courses;
import org.aula.catalog.LessonRef;
import org.aula.platform.web.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lesson completions and what they add up to. */
@Component
class Progress {

	private final Enrolments enrolments;

	private final Completions completions;

	private final Courses courses;

	private final ApplicationEventPublisher events;

	/**
	 * {@code Courses} is resolved on first use for the reason given on {@link Enrolling}.
	 */
	Progress(Enrolments enrolments, Completions completions, @Lazy Courses courses, ApplicationEventPublisher events) {
		this.enrolments = enrolments;
		this.completions = completions;
		this.courses = courses;
		this.events = events;
	}

	/**
	 * Marks the lesson completed for the student; idempotent. The first time every lesson
	 * of the course is completed, publishes {@link CourseCompleted} in this transaction.
	 * @throws NotFound when there is no such lesson or the student is not actively
	 * enrolled in its course (the same answer, so lesson ids are not confirmed)
	 */
	@Transactional
	void complete(UUID studentId, UUID lessonId) {
		LessonRef lesson = this.courses.findLesson(lessonId).orElseThrow(() -> new NotFound("Lesson"));
		// The lock serialises one student's completions in a course, so two last lessons
		// completed at once still see each other and the event is published exactly once.
		Enrolment enrolment = this.enrolments.activeForUpdate(studentId, lesson.courseId())
			.orElseThrow(() -> new NotFound("Lesson"));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.completions.record(studentId, lessonId, lesson.courseId(), now);
		if (enrolment.completedAt() != null) {
			return;
		}
		List<UUID> lessons = this.courses.lessonIds(lesson.courseId());
		if (this.completions.countAmong(studentId, lesson.courseId(), lessons) == lessons.size()
				&& this.enrolments.markCompleted(enrolment.id(), now)) {
			this.events.publishEvent(new CourseCompleted(studentId, lesson.courseId(), now));
		}
	}

	/**
	 * The student's enrolments with their progress, in four queries whatever their
	 * number. Read on the primary, not a replica: a student who just enrolled or
	 * completed a lesson must see it here at once.
	 */
	@Transactional
	List<MyCourse> coursesOf(UUID studentId) {
		List<Enrolment> mine = this.enrolments.ofStudent(studentId);
		if (mine.isEmpty()) {
			return List.of();
		}
		Set<UUID> courseIds = mine.stream().map(Enrolment::courseId).collect(Collectors.toSet());
		Map<UUID, Completions.Activity> activity = this.completions.activityByCourse(studentId);
		Map<UUID, CourseRef> refs = this.courses.findAllById(courseIds)
			.stream()
			.collect(Collectors.toMap(CourseRef::id, Function.identity()));
		Map<UUID, Integer> lessonCounts = this.courses.lessonCounts(courseIds);
		return mine.stream()
			.filter((enrolment) -> refs.containsKey(enrolment.courseId()))
			.map((enrolment) -> MyCourse.of(enrolment, refs.get(enrolment.courseId()),
					lessonCounts.getOrDefault(enrolment.courseId(), 0),
					activity.getOrDefault(enrolment.courseId(), new Completions.Activity(0, null))))
			.sorted(Comparator.comparing(MyCourse::lastActivityAt).reversed())
			.toList();
	}

	/**
	 * The lessons of one of the student's courses that the student has completed, in the
	 * course's order; completions of lessons since removed are left out. Read on the
	 * primary for the reason given on {@link #coursesOf}.
	 * @throws NotFound when there is no such course or the student is not actively
	 * enrolled in it (the same answer, so course codes are not confirmed)
	 */
	@Transactional
	Completed completedLessons(UUID studentId, String courseCode) {
		CourseRef course = this.courses.findByCode(courseCode).orElseThrow(() -> new NotFound("Course"));
		Set<UUID> done = this.completions.completedIfEnrolled(studentId, course.id())
			.orElseThrow(() -> new NotFound("Course"));
		if (done.isEmpty()) {
			return new Completed(course.code(), List.of());
		}
		return new Completed(course.code(),
				this.courses.lessonIds(course.id()).stream().filter(done::contains).toList());
	}

	/**
	 * The lessons of a course I have completed.
	 *
	 * @param code the course's code
	 * @param lessonIds completed lessons that are still in the course, in its order
	 */
	record Completed(String code, List<UUID> lessonIds) {
	}

	/**
	 * One of my courses.
	 *
	 * @param progressPercent completed lessons of the course's current lessons, 0 to 100,
	 * rounded down so that 100 means every lesson is done
	 * @param lastActivityAt the latest lesson completion, or the enrolment if none
	 * @param completedAt when every lesson was first completed, or null
	 */
	record MyCourse(UUID courseId, String code, String title, Enrolment.Status status, Enrolment.Source source,
			Instant enrolledAt, int completedLessons, int totalLessons, int progressPercent, Instant lastActivityAt,
			Instant completedAt) {

		static MyCourse of(Enrolment enrolment, CourseRef course, int totalLessons, Completions.Activity activity) {
			// Completions of lessons since removed from the course still count as done;
			// capping keeps the figure a percentage.
			int completed = Math.min(activity.completedLessons(), totalLessons);
			int percent = (totalLessons > 0) ? completed * 100 / totalLessons : 0;
			Instant last = (activity.lastCompletedAt() != null
					&& activity.lastCompletedAt().isAfter(enrolment.createdAt())) ? activity.lastCompletedAt()
							: enrolment.createdAt();
			return new MyCourse(course.id(), course.code(), course.title(), enrolment.status(), enrolment.source(),
					enrolment.createdAt(), completed, totalLessons, percent, last, enrolment.completedAt());
		}

	}

}
