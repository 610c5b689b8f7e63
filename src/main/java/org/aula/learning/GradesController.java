package org.aula.learning;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.aula.identity.Caller;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * No role checks by annotation here: a caller who may not see a course's grades gets 404
 * from {@link Grading}, never a 403 that would confirm the course or student exists.
 */
@RestController
@Tag(name = "Grades")
class GradesController {

	private final Grading grading;

	GradesController(Grading grading) {
		this.grading = grading;
	}

	@PutMapping("/api/courses/{code}/grades/{studentId}")
	@Operation(summary = "Set a student's grade for the course or one of its modules (course teacher, admin)")
	Grading.GradeView set(@AuthenticationPrincipal Jwt jwt, @PathVariable String code, @PathVariable UUID studentId,
			@Valid @RequestBody GradeRequest body) {
		return this.grading.set(Caller.of(jwt), code, studentId, body.module(), body.score(), body.comment());
	}

	@GetMapping("/api/courses/{code}/grades")
	@Operation(summary = "Every grade in the course (course teacher, admin)")
	List<Grading.GradeView> ofCourse(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
		return this.grading.ofCourse(Caller.of(jwt), code);
	}

	@GetMapping("/api/me/grades")
	@Operation(summary = "My grades")
	List<Grading.GradeView> mine(@AuthenticationPrincipal Jwt jwt) {
		return this.grading.ofStudent(Caller.of(jwt).id());
	}

	/**
	 * @param score 0 to 100 with at most two decimals
	 * @param module the module number (1 or more), or absent for the whole course
	 */
	record GradeRequest(
			@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal score,
			@Size(max = 2000) String comment, @Min(1) Integer module) {
	}

}
