package org.aula.learning;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.aula.identity.Caller;
import org.aula.platform.web.InvalidInput;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Enrolments")
class EnrolmentController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");

	private final Enrolling enrolling;

	private final IdempotencyKeys keys;

	EnrolmentController(Enrolling enrolling, IdempotencyKeys keys) {
		this.enrolling = enrolling;
		this.keys = keys;
	}

	@PostMapping("/api/courses/{code}/enrolments")
	@PreAuthorize("hasRole('STUDENT')")
	@Operation(summary = "Enrol in a published course, paying for it unless it is free",
			description = "Requires an Idempotency-Key header (1-100 of A-Z a-z 0-9 _ -). Sending the same key"
					+ " again returns the first response and changes nothing; the same key with another course"
					+ " or body is refused with 422.")
	ResponseEntity<String> enrol(@AuthenticationPrincipal Jwt jwt, @PathVariable String code,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
			@Valid @RequestBody(required = false) EnrolRequest body) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new InvalidInput(IDEMPOTENCY_KEY,
					(key == null) ? "is required" : "must be 1 to 100 characters of A-Z, a-z, 0-9, _ and -");
		}
		UUID student = Caller.of(jwt).id();
		String paymentToken = (body != null) ? body.paymentToken() : null;
		String hash = sha256(code + "\n" + Objects.toString(paymentToken, ""));
		IdempotencyKeys.Stored response;
		boolean replayed = false;
		try {
			response = this.enrolling.enrol(student, code, key, hash, paymentToken);
		}
		catch (DuplicateKeyException ex) {
			// Either the key was used before (its response is stored), or another request
			// enrolled this student meanwhile (then this request's key row is rolled
			// back).
			response = this.keys.find(student, key).orElseThrow(LearningProblems::alreadyEnrolled);
			if (!response.requestHash().equals(hash)) {
				throw LearningProblems.idempotencyKeyReused();
			}
			replayed = true;
		}
		return ResponseEntity.status(response.status())
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotent-Replayed", Boolean.toString(replayed))
			.body(response.body());
	}

	@PostMapping("/api/admin/enrolments")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Enrol a student in any course without payment (audited)")
	ResponseEntity<EnrolmentView> enrolStudent(@Valid @RequestBody AdminEnrolRequest body) {
		EnrolmentView enrolment;
		try {
			enrolment = this.enrolling.enrolByAdmin(body.studentId(), body.courseCode());
		}
		catch (DuplicateKeyException ex) {
			throw LearningProblems.alreadyEnrolled();
		}
		return ResponseEntity.created(URI.create("/api/courses/" + enrolment.courseCode() + "/enrolments"))
			.body(enrolment);
	}

	@GetMapping("/api/courses/{code}/enrolments")
	@Operation(summary = "The students of a course (course teacher, admin; 404 for anyone else)")
	List<Enrolling.Student> students(@AuthenticationPrincipal Jwt jwt, @PathVariable String code) {
		return this.enrolling.studentsOf(Caller.of(jwt), code);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/**
	 * @param paymentToken what the client got from the payment provider, if it needs one
	 */
	record EnrolRequest(@Size(max = 200) String paymentToken) {
	}

	record AdminEnrolRequest(@NotNull UUID studentId, @NotBlank @Size(max = 64) String courseCode) {
	}

}
