package org.aula.capacity;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a signal stands against its thresholds. */
enum SignalState {

	/** Below the warning threshold. */
	OK("ok", 0),

	/** At or above the warning threshold, below the act threshold. */
	WARNING("warning", 1),

	/** At or above the act threshold: time to scale. */
	ACT_NOW("act-now", 2);

	private final String key;

	private final int level;

	SignalState(String key, int level) {
		this.key = key;
		this.level = level;
	}

	@JsonValue
	String key() {
		return this.key;
	}

	/**
	 * @return 0, 1 or 2, as the {@code aula_capacity_signal_state} gauge reports it
	 */
	int level() {
		return this.level;
	}

}
