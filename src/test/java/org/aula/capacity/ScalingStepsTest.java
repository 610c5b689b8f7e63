package org.aula.capacity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every step names settings, documents and files that exist: whatever the deployment and
 * whichever signals are up, an operator can follow it.
 */
class ScalingStepsTest {

	private static final Pattern VARIABLE = Pattern.compile("\\bAULA_[A-Z0-9_]+");

	private static final Pattern PROPERTY = Pattern.compile("\\baula\\.[a-z0-9.<>-]*[a-z0-9>]");

	private static final Pattern QUOTED_SECTION = Pattern.compile("(README|docs/[a-z-]+\\.md),? '([^']+)'");

	private static final Pattern FILE = Pattern.compile("\\bdeploy/[a-z0-9/.-]+[a-z0-9/]");

	@Test
	void everyStepNamesRealSettingsSectionsAndFiles() throws IOException {
		List<String> readme = Files.readAllLines(Path.of("README.md"));
		Set<String> steps = allSteps();
		assertThat(steps).hasSizeGreaterThan(15);

		for (String step : steps) {
			Matcher variable = VARIABLE.matcher(step);
			while (variable.find()) {
				assertThat(readme).as(variable.group() + " in README, named by: " + step)
					.anySatisfy((line) -> assertThat(line).contains("`" + variable.group()));
			}
			Matcher property = PROPERTY.matcher(step);
			while (property.find()) {
				String name = property.group();
				String prefix = name.substring(0, name.lastIndexOf('.'));
				String last = name.substring(name.lastIndexOf('.') + 1);
				assertThat(readme).as(name + " in README, named by: " + step)
					.anySatisfy((line) -> assertThat(line).contains(prefix).contains(last));
			}
			Matcher section = QUOTED_SECTION.matcher(step);
			while (section.find()) {
				String document = section.group(1).equals("README") ? "README.md" : section.group(1);
				assertThat(Files.readAllLines(Path.of(document))).as(section.group() + " named by: " + step)
					.contains("## " + section.group(2));
			}
			Matcher file = FILE.matcher(step);
			while (file.find()) {
				assertThat(Path.of(file.group())).as("named by: " + step).exists();
			}
		}
	}

	/** The steps of every stage, worker setting and replica, with every signal up. */
	private static Set<String> allSteps() {
		Set<String> steps = new LinkedHashSet<>();
		for (Deployment deployment : deployments()) {
			for (SignalState state : List.of(SignalState.WARNING, SignalState.ACT_NOW)) {
				List<Signal> signals = new ArrayList<>();
				for (String name : CapacityAdvisor.SIGNALS) {
					signals.add(new Signal(name, name, 1, "unit", 10.0, 1, 2, state, null));
				}
				int stage = deployment.stage();
				steps.addAll(ScalingSteps.of(deployment, stage, Math.min(stage + 1, 3), signals));
			}
		}
		return steps;
	}

	private static List<Deployment> deployments() {
		List<Deployment> deployments = new ArrayList<>();
		for (String store : List.of("memory", "redis")) {
			for (boolean flag : List.of(true, false)) {
				Map<String, String> stores = new LinkedHashMap<>();
				stores.put("aula.cache.store", store);
				stores.put("aula.active-users.store", "memory");
				deployments.add(new Deployment(stores, flag, !flag, false, true, 4, "aula-primary"));
				stores.put("aula.active-users.store", store);
				deployments.add(new Deployment(stores, false, true, flag, flag, 4, "aula-primary"));
				deployments.add(new Deployment(stores, false, true, flag, !flag, 4, "aula-primary"));
			}
		}
		return deployments;
	}

}
