package org.aula.learning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.aula.audit.AuditEntry;
import org.aula.audit.AuditLog;
import org.aula.catalog.CourseRef;
import org.aula.catalog.Courses;
import org.aula.identity.Caller;
import org.aula.identity.UserSummary;
import org.aula.identity.Users;
import org.aula.platform.web.NotFound;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grades: set by the course's teacher or an admin, read by them and by the student
 * graded. Anyone else gets 404 for the course, so its grades stay unconfirmed.
 */
@Component
class Grading {

	private final Grades grades;

	private final Enrolments enrolments;

	private final Courses courses;

	private final Users users;

	private final AuditLog audit;

	/**
	 * {@code Courses} is resolved on first use for the reason given on {@link Enrolling}.
	 */
	Grading(Grades grades, Enrolments enrolments, @Lazy Courses courses, Users users, AuditLog audit) {
		this.grades = grades;
		this.enrolments = enrolments;
		this.courses = courses;
		this.users = users;
		this.audit = audit;
	}

	/**
	 * Sets (creates or replaces) a grade, audited as {@code grade.set}.
	 * @param module the module number, or null for the whole course
	 * @throws NotFound when the course does not exist or the caller does not manage it,
	 * or the student is not actively enrolled in it
	 */
	@Transactional
	GradeView set(Caller caller, String courseCode, UUID studentId, Integer module, BigDecimal score, String comment) {
		CourseRef course = managedCourse(caller, courseCode);
		// Locking the enrolment serialises concurrent grading of one student, so the
		// find-then-write below never races into the unique key.
		this.enrolments.activeForUpdate(studentId, course.id()).orElseThrow(() -> new NotFound("Enrolment"));
		int moduleNumber = (module != null) ? module : 0;
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Grade grade = this.grades.find(studentId, course.id(), moduleNumber)
			.map((old) -> new Grade(old.id(), studentId, course.id(), moduleNumber, score, comment, caller.id(), now))
			.orElse(null);
		if (grade != null) {
			this.grades.update(grade);
		}
		else {
			grade = new Grade(UUID.randomUUID(), studentId, course.id(), moduleNumber, score, comment, caller.id(),
					now);
			this.grades.insert(grade);
		}
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("studentId", studentId);
		changes.put("courseCode", course.code());
		changes.put("module", module);
		changes.put("score", score);
		this.audit.record(AuditEntry.of("grade.set", "grade", grade.id().toString(), changes));
		return GradeView.of(grade, course, this.users.findById(studentId).map(UserSummary::fullName).orElse(null));
	}

	@Transactional(readOnly = true)
	List<GradeView> ofCourse(Caller caller, String courseCode) {
		CourseRef course = managedCourse(caller, courseCode);
		List<Grade> found = this.grades.ofCourse(course.id());
		Map<UUID, String> names = this.users
			.findAllById(found.stream().map(Grade::studentId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(UserSummary::id, UserSummary::fullName));
		return found.stream().map((grade) -> GradeView.of(grade, course, names.get(grade.studentId()))).toList();
	}

	@Transactional(readOnly = true)
	List<GradeView> ofStudent(UUID studentId) {
		List<Grade> found = this.grades.ofStudent(studentId);
		if (found.isEmpty()) {
			return List.of();
		}
		Map<UUID, CourseRef> refs = this.courses
			.findAllById(found.stream().map(Grade::courseId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(CourseRef::id, Function.identity()));
		return found.stream()
			.filter((grade) -> refs.containsKey(grade.courseId()))
			.map((grade) -> GradeView.of(grade, refs.get(grade.courseId()), null))
			.toList();
	}

	private CourseRef managedCourse(Caller caller, String courseCode) {
		return this.courses.findByCode(courseCode)
			.filter((course) -> caller.mayManage(course.teacherId()))
			.orElseThrow(() -> new NotFound("Course"));
	}

	/**
	 * A grade as shown.
	 *
	 * @param studentName the student's name on the course's list, null on my own
	 * @param module the module number, or null for the grade of the whole course
	 */
	record GradeView(UUID studentId, String studentName, String courseCode, String courseTitle, Integer module,
			BigDecimal score, String comment, UUID gradedBy, Instant updatedAt) {

		static GradeView of(Grade grade, CourseRef course, String studentName) {
			return new GradeView(grade.studentId(), studentName, course.code(), course.title(),
					(grade.moduleNumber() == 0) ? null : grade.moduleNumber(), grade.score(), grade.comment(),
					grade.gradedBy(), grade.updatedAt());
		}

	}

}
