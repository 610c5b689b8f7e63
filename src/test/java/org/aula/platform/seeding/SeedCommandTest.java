package org.aula.platform.seeding;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.aula.AulaApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedCommandTest {

	@Test
	void readsOptionsWithSpacesOrEqualsAndPassesSettingsThrough() {
		SeedCommand.Invocation invocation = SeedCommand.parse(new String[] { "seed", "--students", "50", "--courses=9",
				"--seed", "3", "--spring.datasource.url=jdbc:h2:mem:x" });
		assertThat(invocation.plan()).isEqualTo(new SeedPlan(3, 50, 100, 9, 20, 4, 200_000));
		assertThat(invocation.settings()).containsExactly("--spring.datasource.url=jdbc:h2:mem:x");
	}

	@Test
	void recognisesOnlyTheSeedCommand() {
		assertThat(SeedCommand.isSeed(new String[] { "seed" })).isTrue();
		assertThat(SeedCommand.isSeed(new String[] { "--server.port=0" })).isFalse();
		assertThat(SeedCommand.isSeed(new String[0])).isFalse();
	}

	@Test
	void refusesBadArgumentsWithUsageBeforeStartingAnything() {
		assertThat(run("seed", "--students", "many")).startsWith("2|seed: --students needs a number, not 'many'")
			.contains("Usage:");
		assertThat(run("seed", "--students")).startsWith("2|seed: --students needs a number");
		assertThat(run("seed", "--bogus")).startsWith("2|seed: unknown option '--bogus'");
		assertThat(run("seed", "extra")).startsWith("2|seed: unexpected argument 'extra'");
		assertThat(run("seed", "--courses", "3", "--enrolments-per-student", "4"))
			.startsWith("2|seed: enrolments-per-student must be between 0 and the number of courses");
		assertThat(run("seed", "--students", "99999999999")).startsWith("2|seed: --students is out of range");
	}

	@Test
	void printsUsageOnHelp() {
		assertThat(run("seed", "--help")).startsWith("0|Usage:");
	}

	private static String run(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit = SeedCommand.run(AulaApplication.class, args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return exit + "|" + bytes.toString(StandardCharsets.UTF_8);
	}

}
