package org.aula.learning;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.aula.audit.AuditEntry;
import org.aula.audit.AuditLog;
import org.aula.catalog.CourseRef;
import org.aula.catalog.Courses;
import org.aula.identity.Caller;
import org.aula.identity.Role;
import org.aula.identity.UserSummary;
import org.aula.identity.Users;
import org.aula.platform.web.NotFound;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static java.util.stream.Collectors.toMap;

/** Enrols students: by themselves (free or paid) or by an admin. */
@Component
class Enrolling {

	private final Enrolments enrolments;

	private final Sales sales;

	private final IdempotencyKeys keys;

	private final PaymentProvider payments;

	private final Courses courses;

	private final Users users;

	private final AuditLog audit;

	private final LearningEmails emails;

	private final JsonMapper json;

	/**
	 * {@code Courses} is the catalog's, and the catalog asks this module's
	 * {@link org.aula.catalog.CourseAccess} in turn: resolving it on first use keeps the
	 * two modules' beans from waiting on each other at start-up.
	 */
	Enrolling(Enrolments enrolments, Sales sales, IdempotencyKeys keys, PaymentProvider payments, @Lazy Courses courses,
			Users users, AuditLog audit, LearningEmails emails, JsonMapper json) {
		this.enrolments = enrolments;
		this.sales = sales;
		this.keys = keys;
		this.payments = payments;
		this.courses = courses;
		this.users = users;
		this.audit = audit;
		this.emails = emails;
		this.json = json;
	}

	/**
	 * Enrols the student in a published course, charging for it unless it is free, and
	 * stores the response under the idempotency key and queues the confirmation email,
	 * all in one transaction: a decline or any other failure leaves nothing behind, the
	 * key and the email included. A replay fails on the key before any of it.
	 * @throws org.springframework.dao.DuplicateKeyException when the key was already used
	 * by this student, or another request enrolled the student meanwhile
	 */
	@Transactional
	IdempotencyKeys.Stored enrol(UUID studentId, String courseCode, String key, String requestHash,
			String paymentToken) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.keys.claim(studentId, key, requestHash, now);
		CourseRef course = this.courses.findByCode(courseCode)
			.filter(CourseRef::published)
			.orElseThrow(() -> new NotFound("Course"));
		if (this.enrolments.exists(studentId, course.id())) {
			throw LearningProblems.alreadyEnrolled();
		}
		Enrolment enrolment = Enrolment.create(studentId, course.id(),
				course.isFree() ? Enrolment.Source.FREE : Enrolment.Source.PURCHASE, now);
		// The enrolment row goes in before the charge: its unique key stops a second
		// request for the same course (under another key) before it reaches the provider.
		this.enrolments.insert(enrolment);
		Sales.Sale sale = null;
		if (!course.isFree()) {
			PaymentResult result = this.payments.charge(new PaymentRequest(enrolment.id(), studentId, course.id(),
					course.price(), course.currency(), paymentToken, key));
			if (!result.approved()) {
				throw LearningProblems.paymentDeclined(result.declineReason());
			}
			sale = new Sales.Sale(UUID.randomUUID(), enrolment.id(), course.price(), course.currency(),
					this.payments.name(), result.providerReference(), "COMPLETED", now);
			this.sales.insert(sale);
		}
		// An access token may outlive its account: such a student is enrolled but not
		// emailed.
		Sales.Sale paid = sale;
		this.users.findById(studentId).ifPresent((student) -> this.emails.enrolmentConfirmed(student, course, paid));
		String body = this.json.writeValueAsString(EnrolmentView.of(enrolment, course, sale));
		this.keys.complete(studentId, key, HttpStatus.CREATED.value(), body);
		return new IdempotencyKeys.Stored(requestHash, HttpStatus.CREATED.value(), body);
	}

	/**
	 * Enrols a student without payment, in any course (published or not), audited, and
	 * tells the student by email.
	 * @throws NotFound when there is no such student or course
	 */
	@Transactional
	EnrolmentView enrolByAdmin(UUID studentId, String courseCode) {
		UserSummary student = this.users.findById(studentId)
			.filter((user) -> user.role() == Role.STUDENT)
			.orElseThrow(() -> new NotFound("Student"));
		CourseRef course = this.courses.findByCode(courseCode).orElseThrow(() -> new NotFound("Course"));
		if (this.enrolments.exists(studentId, course.id())) {
			throw LearningProblems.alreadyEnrolled();
		}
		Enrolment enrolment = Enrolment.create(studentId, course.id(), Enrolment.Source.ADMIN,
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		this.enrolments.insert(enrolment);
		this.audit.record(AuditEntry.of("enrolment.admin-create", "enrolment", enrolment.id().toString(),
				Map.of("studentId", studentId, "courseId", course.id(), "courseCode", course.code())));
		this.emails.enrolmentConfirmed(student, course, null);
		return EnrolmentView.of(enrolment, course, null);
	}

	/**
	 * The students of a course, oldest enrolment first.
	 * @throws NotFound when the course does not exist or the caller does not manage it
	 */
	@Transactional(readOnly = true)
	List<Student> studentsOf(Caller caller, String courseCode) {
		CourseRef course = this.courses.findByCode(courseCode)
			.filter((found) -> caller.mayManage(found.teacherId()))
			.orElseThrow(() -> new NotFound("Course"));
		List<Enrolment> found = this.enrolments.ofCourse(course.id());
		Map<UUID, UserSummary> users = this.users.findAllById(found.stream().map(Enrolment::studentId).toList())
			.stream()
			.collect(toMap(UserSummary::id, Function.identity()));
		return found.stream().map((enrolment) -> {
			UserSummary user = users.get(enrolment.studentId());
			return new Student(enrolment.studentId(), (user != null) ? user.fullName() : null,
					(user != null) ? user.email() : null, enrolment.status(), enrolment.source(), enrolment.createdAt(),
					enrolment.completedAt());
		}).toList();
	}

	/**
	 * A student on a course's list.
	 *
	 * @param fullName null if the account no longer exists
	 * @param email the student's sign-in address, which a teacher's grade sheets name
	 * them by; null if the account no longer exists
	 * @param completedAt when every lesson was first completed, or null
	 */
	record Student(UUID studentId, String fullName, String email, Enrolment.Status status, Enrolment.Source source,
			Instant enrolledAt, Instant completedAt) {
	}

}
