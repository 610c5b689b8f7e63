package org.aula.identity;

import java.util.HashMap;
import java.util.Map;

import org.aula.identity.IdentityClient.Tokens;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.aula.identity.IdentityClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Two instances sharing PostgreSQL and Redis behave as one. */
@RequiresPostgres
@RequiresRedis
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIdentityIT {

	RunningAula first;

	RunningAula second;

	IdentityClient onFirst;

	IdentityClient onSecond;

	@BeforeAll
	void start() {
		Map<String, String> settings = new HashMap<>(sharedServices());
		settings.put("aula.identity.self-registration", "true");
		this.first = RunningAula.start(settings);
		this.second = RunningAula.start(settings);
		this.onFirst = new IdentityClient(this.first);
		this.onSecond = new IdentityClient(this.second);
	}

	/** The PostgreSQL and Redis both instances share. */
	Map<String, String> sharedServices() {
		return RunningAula.sharedServices();
	}

	@AfterAll
	void stop() {
		if (this.first != null) {
			this.first.close();
		}
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	void signInOnOneInstanceWorksOnTheOther() {
		String email = unique("roamer");
		Tokens tokens = this.onFirst.newStudent(email, IdentityFlowsContract.PASSWORD);
		assertThat(this.onSecond.get("/api/me", tokens).json().get("email").asString()).isEqualTo(email);
		assertThat(this.onSecond.refresh(tokens.refresh()).status()).isEqualTo(200);
	}

	@Test
	void logoutOnOneInstanceIsHonouredByTheOtherAtOnce() {
		Tokens tokens = this.onFirst.newStudent(unique("leaver"), IdentityFlowsContract.PASSWORD);
		assertThat(this.onSecond.get("/api/me", tokens).status()).isEqualTo(200);

		assertThat(this.onFirst.post("/api/auth/logout", "{}", tokens).status()).isEqualTo(204);

		assertThat(this.onSecond.get("/api/me", tokens).status()).isEqualTo(401);
	}

	@Test
	void failedLoginsCountAcrossInstances() {
		String email = unique("target");
		this.onFirst.newStudent(email, IdentityFlowsContract.PASSWORD);
		for (int i = 0; i < 5; i++) {
			IdentityClient instance = (i % 2 == 0) ? this.onFirst : this.onSecond;
			assertThat(instance.login(email, "bad-password-" + i, "X-Forwarded-For", "203.0.113.50").status())
				.isEqualTo(401);
		}
		assertThat(this.onFirst.login(email, "bad-password-x", "X-Forwarded-For", "203.0.113.50").status())
			.isEqualTo(429);
		assertThat(this.onSecond.login(email, "bad-password-y", "X-Forwarded-For", "203.0.113.50").status())
			.isEqualTo(429);
	}

}
