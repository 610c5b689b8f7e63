package org.aula.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The shapes a run can take. {@code seed} is the full test: 2 min up to 1/30 of the peak
 * (100 of 3,000), 5 min there, 2 min up to a third (1,000), 5 min there, 2 min up to the
 * peak, 10 min there, 2 min down to none: 28 minutes. {@code quick} is the same shape
 * compressed to 5 minutes, {@code smoke} a few users for half a minute to check the
 * simulation itself.
 */
enum LoadProfile {

	SEED(3000, 1.0),

	QUICK(3000, 5.0 / 28.0),

	SMOKE(5, 0);

	private static final Duration RAMP = Duration.ofMinutes(2);

	private final int defaultPeakUsers;

	private final double timeScale;

	LoadProfile(int defaultPeakUsers, double timeScale) {
		this.defaultPeakUsers = defaultPeakUsers;
		this.timeScale = timeScale;
	}

	int defaultPeakUsers() {
		return this.defaultPeakUsers;
	}

	LoadShape shape(int peak) {
		if (this == SMOKE) {
			return new LoadShape(List.of(new LoadShape.Step(Duration.ofSeconds(5), peak, Duration.ofSeconds(20))),
					Duration.ofSeconds(5));
		}
		int first = Math.max(1, Math.round(peak / 30.0f));
		int second = Math.max(first, Math.round(peak / 3.0f));
		List<LoadShape.Step> steps = new ArrayList<>();
		steps.add(new LoadShape.Step(scaled(RAMP), first, scaled(Duration.ofMinutes(5))));
		steps.add(new LoadShape.Step(scaled(RAMP), second, scaled(Duration.ofMinutes(5))));
		steps.add(new LoadShape.Step(scaled(RAMP), peak, scaled(Duration.ofMinutes(10))));
		return new LoadShape(steps, scaled(RAMP));
	}

	private Duration scaled(Duration duration) {
		return Duration.ofSeconds(Math.round(duration.toSeconds() * this.timeScale));
	}

}
