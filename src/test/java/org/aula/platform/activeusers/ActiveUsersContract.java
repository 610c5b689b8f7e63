package org.aula.platform.activeusers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.aula.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ActiveUsers} must do, whichever store counts the users. The clock
 * starts at the beginning of a minute, so "the current minute and the four before" is
 * exactly the last five minutes.
 */
abstract class ActiveUsersContract {

	final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));

	ActiveUsers activeUsers;

	abstract ActiveUsers createActiveUsers(Clock clock);

	@BeforeEach
	void createActiveUsers() {
		this.activeUsers = createActiveUsers(this.clock);
	}

	static String user() {
		return UUID.randomUUID().toString();
	}

	@Test
	void countsNobodyBeforeAnyRequest() {
		assertThat(this.activeUsers.count()).isZero();
	}

	@Test
	void countsEachUserOnceHoweverManyRequestsTheyMake() {
		String ana = user();
		String ben = user();
		for (int i = 0; i < 50; i++) {
			this.activeUsers.seen(ana);
			this.activeUsers.seen(ben);
			this.clock.advance(Duration.ofSeconds(5));
		}

		assertThat(this.activeUsers.count()).isEqualTo(2);
	}

	@Test
	void aUserCountsForFiveMinutesAfterTheLastRequest() {
		String ana = user();
		this.activeUsers.seen(ana);
		this.clock.advance(Duration.ofMinutes(3));
		String ben = user();
		this.activeUsers.seen(ben);

		this.clock.advance(Duration.ofSeconds(119));
		assertThat(this.activeUsers.count()).isEqualTo(2);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.activeUsers.count()).isOne();

		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.activeUsers.count()).isZero();
	}

	@Test
	void aUserSeenAgainKeepsCounting() {
		String carla = user();
		this.activeUsers.seen(carla);
		this.clock.advance(Duration.ofMinutes(4));
		this.activeUsers.seen(carla);
		this.clock.advance(Duration.ofMinutes(4));

		assertThat(this.activeUsers.count()).isOne();
	}

	@Test
	void countsHundredsOfUsers() {
		for (int i = 0; i < 350; i++) {
			this.activeUsers.seen(user());
		}

		// HyperLogLog's standard error is 0.81 %
		assertThat(this.activeUsers.count()).isBetween(340L, 360L);
	}

}
