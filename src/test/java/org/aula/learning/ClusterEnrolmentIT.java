package org.aula.learning;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.aula.catalog.CourseRef;
import org.aula.learning.LearningClient.User;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.aula.learning.LearningClient.newKey;
import static org.aula.learning.LearningClient.uniqueCode;
import static org.aula.learning.LearningClient.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database: a purchase retried against both at once, with
 * one idempotency key, still enrols and charges once.
 */
@RequiresPostgres
@RequiresRedis
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterEnrolmentIT {

	RunningAula first;

	RunningAula second;

	@BeforeAll
	void start() {
		Map<String, String> settings = RunningAula.sharedServices();
		// One after the other: the first migrates the database, the second finds it
		// ready.
		this.first = RunningAula.start(settings, InMemoryCourses.class);
		this.second = RunningAula.start(settings, InMemoryCourses.class);
	}

	@AfterAll
	void stop() {
		for (RunningAula aula : new RunningAula[] { this.second, this.first }) {
			if (aula != null) {
				aula.close();
			}
		}
	}

	@Test
	void concurrentDuplicatesOnTwoInstancesCreateOneEnrolmentAndOneSale() throws Exception {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "25.00", true);
		User student = user("STUDENT");
		String key = newKey();
		List<LearningClient> clients = List.of(client(this.first), client(this.second));
		AtomicInteger turn = new AtomicInteger();

		List<Response> responses = LearningFlowsContract.concurrently(10,
				() -> clients.get(turn.getAndIncrement() % 2).enrol(student, course.code(), key));

		assertThat(responses).extracting(Response::status).containsOnly(201);
		assertThat(responses).extracting(Response::body).containsOnly(responses.get(0).body());
		assertThat(responses).filteredOn((response) -> "false".equals(response.header("Idempotent-Replayed")))
			.hasSize(1);
		assertThat(clients.get(0).enrolments(student)).isOne();
		assertThat(clients.get(1).sales(student)).isOne();
	}

	@Test
	void aReplayOnTheOtherInstanceReturnsTheFirstResponse() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "12.00", true);
		User student = user("STUDENT");
		String key = newKey();

		Response original = client(this.first).enrol(student, course.code(), key);
		Response replay = client(this.second).enrol(student, course.code(), key);

		assertThat(original.status()).as(original.body()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.body()).isEqualTo(original.body());
		assertThat(client(this.second).sales(student)).isOne();
	}

	private static LearningClient client(RunningAula aula) {
		return new LearningClient(aula.http(), aula.bean(JdbcClient.class));
	}

}
