package org.aula.catalog;

import java.net.URI;

import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problem types specific to the catalog; see docs/errors.md. */
final class CatalogProblems {

	static final URI COURSE_CODE_TAKEN = ProblemTypes.of("course-code-taken");

	static final URI COURSE_HAS_ENROLMENTS = ProblemTypes.of("course-has-enrolments");

	static final URI MODULE_NUMBER_TAKEN = ProblemTypes.of("module-number-taken");

	static final URI LESSON_POSITION_TAKEN = ProblemTypes.of("lesson-position-taken");

	static final URI MEDIA_TYPE_REFUSED = ProblemTypes.of("media-type-refused");

	private CatalogProblems() {
	}

	static ErrorResponseException mediaTypeRefused() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"The file's content is not a video (MP4, WebM, Ogg), PDF, PNG, JPEG or ZIP-based document.");
		problem.setType(MEDIA_TYPE_REFUSED);
		problem.setTitle("Media type refused");
		return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
	}

}
