package org.aula.platform.seeding;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link SeedStep} for a plan and reports what each created and how
 * long it took.
 */
@Component
public class Seeder {

	private final List<SeedStep> steps;

	Seeder(List<SeedStep> steps) {
		this.steps = steps.stream().sorted(Comparator.comparingInt(SeedStep::order)).toList();
	}

	/**
	 * @param plan what to create
	 * @param out where the report goes
	 * @return rows created per table, over all steps
	 */
	public Map<String, Long> seed(SeedPlan plan, PrintStream out) {
		out.printf(
				"Seeding with seed %d: %d students, %d teachers, %d courses of %d lessons, %d enrolments per"
						+ " student, %d chat messages%n",
				plan.seed(), plan.students(), plan.teachers(), plan.courses(), plan.lessonsPerCourse(),
				plan.enrolmentsPerStudent(), plan.chatMessages());
		Map<String, Long> created = new LinkedHashMap<>();
		long start = System.nanoTime();
		for (SeedStep step : this.steps) {
			long stepStart = System.nanoTime();
			Map<String, Long> rows = step.seed(plan);
			Duration took = Duration.ofNanos(System.nanoTime() - stepStart);
			out.printf("  %-10s %6.1f s%n", step.module(), took.toMillis() / 1000.0);
			rows.forEach((table, count) -> {
				out.printf("    %-20s %,12d rows created%n", table, count);
				created.merge(table, count, Long::sum);
			});
		}
		long total = created.values().stream().mapToLong(Long::longValue).sum();
		out.printf("Created %,d rows in %.1f s. Seeded users sign in with the password %s.%n", total,
				Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0, SeedPlan.PASSWORD);
		return created;
	}

}
