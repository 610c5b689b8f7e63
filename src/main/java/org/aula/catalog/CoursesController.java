package org.aula.catalog;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Courses")
class CoursesController {

	private final Catalog catalog;

	private final CourseEditing editing;

	CoursesController(Catalog catalog, CourseEditing editing) {
		this.catalog = catalog;
		this.editing = editing;
	}

	@GetMapping("/api/courses")
	@Operation(summary = "Published courses, newest first, by text in code, title or description and by teacher")
	PageResponse<CourseSummary> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) UUID teacher, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		if (q != null && q.length() > 200) {
			throw new InvalidInput("q", "must be at most 200 characters");
		}
		return this.catalog.list(q, teacher, PageQuery.of(page, size)).response();
	}

	@GetMapping("/api/me/taught-courses")
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "The caller's own courses, published or not, newest first")
	PageResponse<CourseSummary> taught(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @AuthenticationPrincipal Jwt jwt) {
		return this.catalog.taughtBy(Caller.of(jwt), PageQuery.of(page, size)).response();
	}

	@GetMapping("/api/courses/{code}")
	@Operation(summary = "A course with its modules and lesson titles; bodies for enrolled students, "
			+ "the teacher and admins")
	CourseDetail detail(@PathVariable String code, @AuthenticationPrincipal Jwt jwt) {
		return this.catalog.detail(code, Caller.of(jwt));
	}

	@PostMapping("/api/courses")
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "Create an unpublished course; an admin may name its teacher")
	ResponseEntity<CourseSummary> create(@RequestBody CourseEditing.NewCourse body, @AuthenticationPrincipal Jwt jwt) {
		Course course = this.editing.create(Caller.of(jwt), body);
		return ResponseEntity.created(URI.create("/api/courses/" + course.code())).body(course.summary());
	}

	@PatchMapping("/api/courses/{code}")
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "Change a course, publish or unpublish it (its teacher or an admin)")
	CourseSummary update(@PathVariable String code, @RequestBody CourseEditing.CourseChanges body,
			@AuthenticationPrincipal Jwt jwt) {
		return this.editing.update(Caller.of(jwt), code, body).summary();
	}

	@DeleteMapping("/api/courses/{code}")
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "Delete a course that never had enrolments (its teacher or an admin)")
	ResponseEntity<Void> delete(@PathVariable String code, @AuthenticationPrincipal Jwt jwt) {
		this.editing.delete(Caller.of(jwt), code);
		return ResponseEntity.noContent().build();
	}

}
