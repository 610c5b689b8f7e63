package org.aula.platform.activeusers;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ActiveUsersMemoryTest extends ActiveUsersContract {

	@Override
	ActiveUsers createActiveUsers(Clock clock) {
		return new InMemoryActiveUsers(clock);
	}

	@Test
	void countsOnlyTheUsersOfThisInstance() {
		ActiveUsers other = createActiveUsers(this.clock);
		this.activeUsers.seen("ana");
		other.seen("ben");

		assertThat(this.activeUsers.count()).isOne();
	}

	@Test
	void forgetsUsersOnceTheyLeaveTheWindow() {
		InMemoryActiveUsers users = new InMemoryActiveUsers(this.clock);
		for (int i = 0; i < 1000; i++) {
			users.seen(user());
		}
		this.clock.advance(Duration.ofMinutes(5));
		users.seen("dora");

		assertThat(users.count()).isOne();
		assertThat(users.tracked()).isOne();
	}

	@Test
	void theMemoryStoreIsWiredFromConfiguration() {
		new ApplicationContextRunner().withUserConfiguration(ActiveUsersConfiguration.class)
			.withPropertyValues("aula.active-users.store=memory")
			.run((context) -> assertThat(context).getBean(ActiveUsers.class).isInstanceOf(InMemoryActiveUsers.class));
	}

}
