package org.aula.load;

import java.time.Duration;
import java.util.List;

/**
 * Concurrent users over time: ramps up to each step's users and holds there, then ramps
 * down to none. Users arrive in order, so virtual user k is the k-th to arrive; it stays
 * until the ramp-down reaches it, the last to arrive leaving first.
 *
 * @param steps the ramps up and the holds after them, in order, users never decreasing
 * @param rampDown how long the final ramp to no users takes
 */
record LoadShape(List<Step> steps, Duration rampDown) {

	LoadShape {
		steps = List.copyOf(steps);
		if (steps.isEmpty()) {
			throw new IllegalArgumentException("a load shape needs at least one step");
		}
		int previous = 0;
		for (Step step : steps) {
			if (step.users() < previous) {
				throw new IllegalArgumentException("the users of a load shape's steps must not decrease");
			}
			previous = step.users();
		}
	}

	int peakUsers() {
		return this.steps.getLast().users();
	}

	/** When the ramp-down starts, from the start of the run. */
	Duration rampDownStart() {
		Duration start = Duration.ZERO;
		for (Step step : this.steps) {
			start = start.plus(step.ramp()).plus(step.hold());
		}
		return start;
	}

	Duration total() {
		return rampDownStart().plus(this.rampDown);
	}

	/** When the final hold at the peak starts, from the start of the run. */
	Duration peakHoldStart() {
		return rampDownStart().minus(this.steps.getLast().hold());
	}

	/**
	 * When virtual user {@code userId} (1-based, in order of arrival) leaves, from the start
	 * of the run: the peak's last user as the ramp-down starts, the first as it ends.
	 */
	Duration leaveAt(long userId) {
		int peak = peakUsers();
		long rank = Math.max(0, Math.min(peak, peak - userId));
		return rampDownStart().plus(this.rampDown.multipliedBy(rank).dividedBy(peak));
	}

	/** For the summary, e.g. "21 s → 7, hold 54 s; 21 s → 67, ...; 21 s → 0". */
	String describe() {
		StringBuilder text = new StringBuilder();
		for (Step step : this.steps) {
			text.append(format(step.ramp()))
				.append(" → ")
				.append(step.users())
				.append(", hold ")
				.append(format(step.hold()))
				.append("; ");
		}
		return text.append(format(this.rampDown)).append(" → 0").toString();
	}

	static String format(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds >= 60 && seconds % 60 == 0) {
			return (seconds / 60) + " min";
		}
		return (seconds >= 60) ? "%d min %d s".formatted(seconds / 60, seconds % 60) : seconds + " s";
	}

	/**
	 * One stage of the shape.
	 *
	 * @param ramp how long the ramp from the previous step's users takes
	 * @param users the concurrent users at the end of the ramp
	 * @param hold how long the users stay at that number
	 */
	record Step(Duration ramp, int users, Duration hold) {
	}

}
