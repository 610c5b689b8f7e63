package org.aula.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.aula.identity.Role;
import org.aula.identity.UserSummary;
import org.aula.identity.Users;
import org.aula.platform.web.Conflict;
import org.aula.platform.web.FieldError;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.NotFound;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to courses by their teachers and admins. A teacher asking about another
 * teacher's course is answered 404, as if it did not exist, so codes of unpublished
 * courses are not confirmed. Every change is audited in its own transaction and evicts
 * what the caches show of it once committed.
 */
@Service
class CourseEditing {

	private final JdbcCourses courses;

	private final Users users;

	private final ObjectProvider<CourseAccess> access;

	private final CatalogAudit audit;

	private final CatalogCache cache;

	private final CatalogSettings settings;

	private final Clock clock;

	CourseEditing(JdbcCourses courses, Users users, ObjectProvider<CourseAccess> access, CatalogAudit audit,
			CatalogCache cache, CatalogSettings settings) {
		this.courses = courses;
		this.users = users;
		this.access = access;
		this.audit = audit;
		this.cache = cache;
		this.settings = settings;
		this.clock = Clock.systemUTC();
	}

	@Transactional
	Course create(Caller caller, NewCourse draft) {
		List<FieldError> errors = new ArrayList<>();
		if (!CourseCodes.isValid(draft.code())) {
			errors.add(new FieldError("code", CourseCodes.RULE));
		}
		Texts.require("title", draft.title(), 200, errors);
		Texts.optional("description", draft.description(), 10_000, errors);
		BigDecimal price = (draft.price() != null) ? draft.price() : BigDecimal.ZERO;
		Prices.check(price, errors);
		String currency = (draft.currency() != null) ? draft.currency() : this.settings.defaultCurrency();
		Prices.checkCurrency(currency, errors);
		UUID teacherId = caller.id();
		if (draft.teacherId() != null && !draft.teacherId().equals(caller.id())) {
			if (!caller.isAdmin()) {
				errors.add(new FieldError("teacherId", "only an admin may create a course for another teacher"));
			}
			teacherId = draft.teacherId();
		}
		UserSummary teacher = this.users.findById(teacherId).orElse(null);
		if (teacher == null || !teacher.active() || (teacher.role() != Role.TEACHER && teacher.role() != Role.ADMIN)) {
			errors.add(new FieldError("teacherId", "must name an active teacher"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Instant now = now();
		Course course = new Course(UUID.randomUUID(), draft.code(), draft.title().strip(),
				Objects.requireNonNullElse(draft.description(), "").strip(), teacherId, price.setScale(2), currency,
				false, now, now);
		try {
			this.courses.insert(course);
		}
		catch (DuplicateKeyException ex) {
			throw new Conflict(CatalogProblems.COURSE_CODE_TAKEN, "A course with code " + draft.code() + " exists.");
		}
		this.audit.course("course.create", course.id(), Map.of("code", course.code(), "title", course.title(),
				"teacherId", teacherId.toString(), "price", course.price().toPlainString(), "currency", currency));
		this.cache.courseChanged(course.code());
		return course;
	}

	@Transactional
	Course update(Caller caller, String code, CourseChanges changes) {
		Course current = managed(caller, code);
		List<FieldError> errors = new ArrayList<>();
		if (changes.title() != null) {
			Texts.require("title", changes.title(), 200, errors);
		}
		Texts.optional("description", changes.description(), 10_000, errors);
		if (changes.price() != null) {
			Prices.check(changes.price(), errors);
		}
		if (changes.currency() != null) {
			Prices.checkCurrency(changes.currency(), errors);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Course updated = new Course(current.id(), current.code(),
				(changes.title() != null) ? changes.title().strip() : current.title(),
				(changes.description() != null) ? changes.description().strip() : current.description(),
				current.teacherId(), (changes.price() != null) ? changes.price().setScale(2) : current.price(),
				(changes.currency() != null) ? changes.currency() : current.currency(),
				(changes.published() != null) ? changes.published() : current.published(), current.createdAt(), now());
		this.courses.update(updated);
		Map<String, Object> diff = diff(current, updated);
		if (current.published() != updated.published()) {
			this.audit.course(updated.published() ? "course.publish" : "course.unpublish", current.id(),
					Map.of("code", code));
			diff.remove("published");
		}
		if (!diff.isEmpty()) {
			diff.put("code", code);
			this.audit.course("course.update", current.id(), diff);
		}
		this.cache.courseChanged(code);
		return updated;
	}

	@Transactional
	void delete(Caller caller, String code) {
		Course course = managed(caller, code);
		if (this.access.getObject().hasEnrolments(course.id())) {
			throw new Conflict(CatalogProblems.COURSE_HAS_ENROLMENTS,
					"Course " + code + " has enrolments; unpublish it instead.");
		}
		this.courses.delete(course.id());
		this.audit.course("course.delete", course.id(), Map.of("code", code));
		this.cache.courseChanged(code);
	}

	/**
	 * The course, locked for the rest of the transaction, if the caller manages it.
	 * @throws NotFound when there is no such course or the caller does not manage it
	 */
	Course managed(Caller caller, String code) {
		Course course = this.courses.byCodeForUpdate(code).orElseThrow(() -> new NotFound("Course"));
		if (!caller.manages(course)) {
			throw new NotFound("Course");
		}
		return course;
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Map<String, Object> diff(Course before, Course after) {
		Map<String, Object> diff = new LinkedHashMap<>();
		if (!before.title().equals(after.title())) {
			diff.put("title", after.title());
		}
		if (!before.description().equals(after.description())) {
			diff.put("description", "changed");
		}
		if (before.price().compareTo(after.price()) != 0) {
			diff.put("price", after.price().toPlainString());
		}
		if (!before.currency().equals(after.currency())) {
			diff.put("currency", after.currency());
		}
		if (before.published() != after.published()) {
			diff.put("published", after.published());
		}
		return diff;
	}

	/** A new course; {@code teacherId} only for admins, the caller otherwise. */
	record NewCourse(String code, String title, String description, BigDecimal price, String currency, UUID teacherId) {
	}

	/** Changes to a course; a field left out stays as it is. */
	record CourseChanges(String title, String description, BigDecimal price, String currency, Boolean published) {
	}

}
