package org.aula.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.aula.platform.media.MediaStore;
import org.aula.platform.security.AuthenticationRequired;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.NotFound;

import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Lesson media: upload by the course's teacher or an admin, download by whoever may read
 * a lesson that uses the file, or whoever holds a signed link Aula handed out to such a
 * reader (a {@code <video>} cannot send a bearer token). Downloads are content-addressed,
 * so they are cacheable forever; Spring answers {@code Range} (206, 416) and
 * {@code If-None-Match} (304) for a {@link Resource} body with an ETag.
 */
@RestController
@Tag(name = "Lesson media")
class MediaController {

	private final MediaStore store;

	private final OutlineEditing editing;

	private final Outlines outlines;

	private final Catalog catalog;

	private final MediaLinks links;

	MediaController(MediaStore store, OutlineEditing editing, Outlines outlines, Catalog catalog, MediaLinks links) {
		this.store = store;
		this.editing = editing;
		this.outlines = outlines;
		this.catalog = catalog;
		this.links = links;
	}

	@PostMapping(path = "/api/lessons/{id}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('TEACHER', 'ADMIN')")
	@Operation(summary = "Upload a lesson's video or file (type detected from the content)")
	LessonView upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file, @AuthenticationPrincipal Jwt jwt)
			throws IOException {
		Caller caller = Caller.of(jwt);
		// Checked before the bytes are stored, so a stranger cannot fill the store.
		this.editing.managedLesson(caller, id);
		if (file.isEmpty()) {
			throw new InvalidInput("file", "must not be empty");
		}
		MediaTypes.Detected detected;
		try (InputStream in = file.getInputStream()) {
			detected = MediaTypes.detect(in.readNBytes(MediaTypes.SNIFF_LENGTH));
		}
		if (detected == null) {
			throw CatalogProblems.mediaTypeRefused();
		}
		MediaStore.Stored stored;
		try (InputStream in = file.getInputStream()) {
			stored = this.store.store(in);
		}
		MediaRef media = new MediaRef(stored.sha256(), detected.contentType(),
				MediaTypes.safeName(file.getOriginalFilename(), detected), stored.size());
		Lesson lesson = this.editing.attachMedia(caller, id, media);
		return LessonView.of(lesson, this.catalog.media(lesson.media(), caller));
	}

	@GetMapping("/api/media/{sha256}")
	@Operation(summary = "Download or stream a media file; supports Range and If-None-Match",
			description = "With a bearer token, or without one and the signed access parameter of a link Aula"
					+ " handed out (valid for aula.media.link-ttl).")
	ResponseEntity<Resource> download(@PathVariable String sha256,
			@RequestParam(name = "access", required = false) String access, @AuthenticationPrincipal Jwt jwt) {
		Outlines.UsedMedia allowed;
		if (jwt != null) {
			Caller caller = Caller.of(jwt);
			allowed = this.outlines.usesOf(sha256)
				.stream()
				.filter((use) -> this.catalog.mayRead(caller, use.courseId(), use.teacherId()))
				.findFirst()
				.orElseThrow(() -> new NotFound("Media"));
		}
		else if (access == null) {
			throw new AuthenticationRequired();
		}
		else {
			// The link was handed to someone who could read the file; it is honoured
			// until it expires without asking again.
			if (!this.links.grants(sha256, access)) {
				throw new NotFound("Media");
			}
			allowed = this.outlines.usesOf(sha256).stream().findFirst().orElseThrow(() -> new NotFound("Media"));
		}
		// Stored names are plain ASCII (MediaTypes.safeName), so no RFC 5987 variant is
		// needed.
		Resource resource = this.store.open(sha256).orElseThrow(() -> new NotFound("Media"));
		return ResponseEntity.ok()
			.eTag("\"" + sha256 + "\"")
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
			.contentType(MediaType.parseMediaType(allowed.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(allowed.fileName()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(resource);
	}

}
