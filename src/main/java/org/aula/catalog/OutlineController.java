package org.aula.catalog;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Course modules and lessons")
class OutlineController {

	private final OutlineEditing editing;

	private final Catalog catalog;

	OutlineController(OutlineEditing editing, Catalog catalog) {
		this.editing = editing;
		this.catalog = catalog;
	}

	@PostMapping("/api/courses/{code}/modules")
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "Add a module; without a number it goes last")
	ResponseEntity<ModuleView> addModule(@PathVariable String code, @RequestBody OutlineEditing.ModuleDraft body,
			@AuthenticationPrincipal Jwt jwt) {
		CourseModule module = this.editing.addModule(Caller.of(jwt), code, body);
		return ResponseEntity.created(URI.create("/api/courses/" + code + "/modules/" + module.number()))
			.body(ModuleView.of(module));
	}

	@PatchMapping("/api/courses/{code}/modules/{number}")
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "Rename or renumber a module")
	ModuleView updateModule(@PathVariable String code, @PathVariable int number,
			@RequestBody OutlineEditing.ModuleDraft body, @AuthenticationPrincipal Jwt jwt) {
		return ModuleView.of(this.editing.updateModule(Caller.of(jwt), code, number, body));
	}

	@DeleteMapping("/api/courses/{code}/modules/{number}")
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "Delete a module and its lessons")
	ResponseEntity<Void> deleteModule(@PathVariable String code, @PathVariable int number,
			@AuthenticationPrincipal Jwt jwt) {
		this.editing.deleteModule(Caller.of(jwt), code, number);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/courses/{code}/modules/{number}/lessons")
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "Add a lesson; without a position it goes last")
	ResponseEntity<LessonView> addLesson(@PathVariable String code, @PathVariable int number,
			@RequestBody OutlineEditing.LessonDraft body, @AuthenticationPrincipal Jwt jwt) {
		Lesson lesson = this.editing.addLesson(Caller.of(jwt), code, number, body);
		return ResponseEntity.created(URI.create("/api/lessons/" + lesson.id())).body(LessonView.of(lesson, null));
	}

	@GetMapping("/api/lessons/{id}")
	@Operation(summary = "A lesson with its body and media (enrolled students, the teacher, admins)")
	LessonView lesson(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		Lesson lesson = this.catalog.lesson(id, caller);
		return LessonView.of(lesson, this.catalog.media(lesson.media(), caller));
	}

	@PatchMapping("/api/lessons/{id}")
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "Change a lesson")
	LessonView updateLesson(@PathVariable UUID id, @RequestBody OutlineEditing.LessonDraft body,
			@AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		Lesson lesson = this.editing.updateLesson(caller, id, body);
		return LessonView.of(lesson, this.catalog.media(lesson.media(), caller));
	}

	@DeleteMapping("/api/lessons/{id}")
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "Delete a lesson")
	ResponseEntity<Void> deleteLesson(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		this.editing.deleteLesson(Caller.of(jwt), id);
		return ResponseEntity.noContent().build();
	}

	/** A module as its editor sees it. */
	record ModuleView(int number, String title) {

		static ModuleView of(CourseModule module) {
			return new ModuleView(module.number(), module.title());
		}

	}

}
