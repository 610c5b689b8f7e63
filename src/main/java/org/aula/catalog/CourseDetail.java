package org.aula.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A course with its outline. The cached copy is the public view, without lesson bodies or
 * media; those are added per caller once access has been checked.
 */
record CourseDetail(UUID id, String code, String title, String description, UUID teacherId, BigDecimal price,
		String currency, boolean published, Instant createdAt, Instant updatedAt, List<ModuleOutline> modules) {

	/** One module and its lessons, in order. */
	record ModuleOutline(int number, String title, List<LessonOutline> lessons) {
	}

	/**
	 * One lesson; {@code body} and {@code media} are present only for callers who may
	 * read the lesson.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record LessonOutline(UUID id, int position, String title, LessonKind kind, Integer durationSeconds, String body,
			LessonMedia media) {
	}

	/**
	 * Where to fetch a lesson's media.
	 *
	 * @param url the download address, on the API or on the configured CDN
	 * @param contentType the content's type
	 * @param size length in bytes
	 */
	record LessonMedia(String url, String contentType, long size) {
	}

}
