package org.aula.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import org.aula.catalog.CatalogClient.User;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database and one Redis: an edit through one is served
 * by the other within a second, though the other had the old version cached.
 */
@RequiresPostgres
@RequiresRedis
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterCatalogIT {

	RunningAula first;

	RunningAula second;

	@BeforeAll
	void start() throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(sharedServices());
		settings.put("spring.main.sources", ControlledCourseAccess.class.getName());
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.media.directory", java.nio.file.Files.createTempDirectory("aula-media").toString());
		this.first = RunningAula.start(settings);
		this.second = RunningAula.start(settings);
	}

	/** The PostgreSQL and Redis both instances share. */
	Map<String, String> sharedServices() {
		return RunningAula.sharedServices();
	}

	@AfterAll
	void stop() {
		for (RunningAula aula : new RunningAula[] { this.first, this.second }) {
			if (aula != null) {
				aula.close();
			}
		}
	}

	@Test
	void courseEditedOnOneInstanceIsServedFreshByTheOtherWithinASecond() throws Exception {
		CatalogClient onFirst = new CatalogClient(this.first);
		HttpApi onSecond = this.second.http();
		User teacher = onFirst.user("TEACHER");
		String word = "Cluster" + System.nanoTime();
		String code = onFirst.publishedCourse(teacher, word);
		assertThat(onSecond.get("/api/courses/" + code).json().get("title").asString()).isEqualTo(word);
		assertThat(onSecond.get("/api/courses?q=" + word).json().get("items").findValuesAsString("title"))
			.containsExactly(word);

		assertThat(onFirst.patch("/api/courses/" + code, "{\"title\":\"%s v2\"}".formatted(word), teacher).status())
			.isEqualTo(200);

		long deadline = System.nanoTime() + 1_000_000_000L;
		String detail;
		String listed;
		do {
			detail = onSecond.get("/api/courses/" + code).json().get("title").asString();
			listed = onSecond.get("/api/courses?q=" + word).json().get("items").get(0).get("title").asString();
		}
		while (!(detail.endsWith("v2") && listed.endsWith("v2")) && System.nanoTime() < deadline);
		assertThat(detail).isEqualTo(word + " v2");
		assertThat(listed).isEqualTo(word + " v2");
	}

}
