package org.aula.learning;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.aula.identity.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Progress")
class ProgressController {

	private final Progress progress;

	ProgressController(Progress progress) {
		this.progress = progress;
	}

	@PutMapping("/api/lessons/{id}/completion")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark a lesson of a course I am enrolled in as completed (idempotent)")
	void complete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		this.progress.complete(Caller.of(jwt).id(), id);
	}

	@GetMapping("/api/me/courses")
	@Operation(summary = "My enrolments with progress, most recently active first")
	List<Progress.MyCourse> myCourses(@AuthenticationPrincipal Jwt jwt) {
		return this.progress.coursesOf(Caller.of(jwt).id());
	}

	@GetMapping("/api/me/courses/{code}/completions")
	@Operation(summary = "The lessons I have completed of a course I am enrolled in (404 otherwise)")
	Progress.Completed completions(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
		return this.progress.completedLessons(Caller.of(jwt).id(), code);
	}

}
