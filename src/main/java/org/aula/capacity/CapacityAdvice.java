package org.aula.capacity;

import java.time.Instant;
import java.util.List;

/**
 * The capacity advisor's answer.
 *
 * @param evaluatedAt when the signals were read
 * @param stage the scaling stage this instance's configuration is at: 1, 2 or 3
 * @param stageDescription what that stage is
 * @param recommendedStage the next stage when any signal says act now, else the same
 * @param recommendedStageDescription what that stage is
 * @param summary the advice in one sentence
 * @param signals every signal, in a fixed order
 * @param steps the configuration changes to make next, most important first; empty while
 * every signal is ok
 */
record CapacityAdvice(Instant evaluatedAt, int stage, String stageDescription, int recommendedStage,
		String recommendedStageDescription, String summary, List<Signal> signals, List<String> steps) {

	static final int LAST_STAGE = 3;

	static String describe(int stage) {
		return switch (stage) {
			case 1 -> "one instance: every adapter in this instance's memory";
			case 2 -> "several instances behind a load balancer, sharing PostgreSQL and Redis";
			default -> "separate API, real-time and job worker tiers, with reads on a replica";
		};
	}

	Signal signal(String name) {
		return this.signals.stream()
			.filter((signal) -> signal.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No signal " + name));
	}

}
