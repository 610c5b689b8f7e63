package org.aula.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.media.MediaStore;
import org.aula.platform.seeding.SeedPlan;
import org.aula.platform.seeding.SeedRows;
import org.aula.platform.seeding.SeedStep;

import org.springframework.stereotype.Component;

/**
 * Seeds published courses with their modules and lessons: the first lesson of each module
 * is a video (a small MP4-tagged file per course, so that range downloads have something
 * to read), the others are Markdown texts.
 */
@Component
class CatalogSeed implements SeedStep {

	static final int VIDEO_BYTES = 128 * 1024;

	private static final String[] LEVELS = { "Introduction to", "Foundations of", "Applied", "Advanced", "Practical",
			"Modern" };

	private final SeedRows rows;

	private final MediaStore media;

	private final CatalogCache cache;

	CatalogSeed(SeedRows rows, MediaStore media, CatalogCache cache) {
		this.rows = rows;
		this.media = media;
		this.cache = cache;
	}

	@Override
	public String module() {
		return "catalog";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public Map<String, Long> seed(SeedPlan plan) {
		Instant now = Instant.now();
		List<String> videos = new ArrayList<>(plan.courses() + 1);
		videos.add(null);
		for (int course = 1; course <= plan.courses(); course++) {
			videos.add(storeVideo(plan, course));
		}
		Map<String, Long> created = new LinkedHashMap<>();
		created.put("courses", this.rows.insert("courses", List.of(Course.COLUMNS.split(",\\s*")),
				IntStream.rangeClosed(1, plan.courses()).mapToObj((course) -> course(plan, course, now))));
		created.put("course_modules",
				this.rows.insert("course_modules", List.of("id", "course_id", "number", "title"),
						IntStream.rangeClosed(1, plan.courses())
							.boxed()
							.flatMap((course) -> IntStream.rangeClosed(1, plan.modulesPerCourse())
								.mapToObj((module) -> new Object[] { plan.moduleId(course, module),
										plan.courseId(course), module, "Module " + module }))));
		created.put("lessons",
				this.rows.insert("lessons",
						List.of("id", "module_id", "position", "title", "kind", "body", "duration_seconds",
								"media_sha256", "media_type", "media_name", "media_size"),
						IntStream.rangeClosed(1, plan.courses())
							.boxed()
							.flatMap((course) -> lessons(plan, course, videos.get(course)))));
		this.cache.coursesAdded();
		return created;
	}

	private static Object[] course(SeedPlan plan, int course, Instant now) {
		SplittableRandom random = plan.random("course", course);
		String subject = SeedPlan.SUBJECTS[course % SeedPlan.SUBJECTS.length];
		String title = LEVELS[random.nextInt(LEVELS.length)] + " " + subject + " " + course;
		String description = "A course of " + plan.lessonsPerCourse() + " lessons on " + subject.toLowerCase()
				+ ", with videos, readings and a module quiz graded by the teacher.";
		Instant created = now.minus(Duration.ofDays(random.nextInt(30, 400)));
		return new Object[] { plan.courseId(course), plan.courseCode(course), title, description,
				plan.teacherId(plan.teacherOf(course)), BigDecimal.valueOf(plan.priceCents(course), 2), "EUR", true,
				Timestamps.of(created), Timestamps.of(created) };
	}

	private static Stream<Object[]> lessons(SeedPlan plan, int course, String videoSha256) {
		return IntStream.rangeClosed(1, plan.lessonsPerCourse()).mapToObj((lesson) -> {
			int module = (lesson - 1) / SeedPlan.LESSONS_PER_MODULE + 1;
			int position = (lesson - 1) % SeedPlan.LESSONS_PER_MODULE + 1;
			Object id = plan.lessonId(course, lesson);
			Object moduleId = plan.moduleId(course, module);
			if (position == 1) {
				return new Object[] { id, moduleId, position, "Video " + lesson, LessonKind.VIDEO.name(), null,
						300 + (lesson * 37) % 900, videoSha256, "video/mp4", "lesson-" + lesson + ".mp4",
						(long) VIDEO_BYTES };
			}
			return new Object[] { id, moduleId, position, "Reading " + lesson, LessonKind.TEXT.name(),
					"## Reading " + lesson + "\n\nWork through the examples, then try the exercises at the end."
							+ "\n\n- Read the section\n- Take notes\n- Answer the three questions\n",
					600, null, null, null, null };
		});
	}

	private String storeVideo(SeedPlan plan, int course) {
		byte[] bytes = new byte[VIDEO_BYTES];
		plan.random("video", course).nextBytes(bytes);
		byte[] header = "\0\0\0\u0018ftypisom\0\0\0\0isommp41".getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(header, 0, bytes, 0, header.length);
		try {
			return this.media.store(new ByteArrayInputStream(bytes)).sha256();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store a seeded video", ex);
		}
	}

}
