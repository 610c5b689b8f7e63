package org.aula.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One measured signal and how it stands.
 *
 * @param name stable name, also the {@code signal} label of the gauges
 * @param description what is measured
 * @param value the measurement, in {@code unit}
 * @param unit the unit of the value and thresholds
 * @param limit the most the value can be (pool size, memory limit), when it has one
 * @param warning the warning threshold
 * @param act the act threshold
 * @param state where the value stands
 * @param note how the value was measured, when that matters for reading it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Signal(String name, String description, double value, String unit, Double limit, double warning, double act,
		SignalState state, String note) {

	static Signal of(String name, String description, double value, String unit, Double limit,
			CapacitySettings.Limits limits, String note) {
		return new Signal(name, description, round(value), unit, (limit != null) ? round(limit) : null,
				round(limits.warning()), round(limits.act()), limits.stateOf(value), note);
	}

	/** The same signal, held at ok whatever its value, with the reason. */
	Signal heldOk(String reason) {
		return new Signal(this.name, this.description, this.value, this.unit, this.limit, this.warning, this.act,
				SignalState.OK, reason);
	}

	private static double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return 0;
		}
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
	}

	static String format(double value) {
		return BigDecimal.valueOf(round(value)).stripTrailingZeros().toPlainString();
	}

}
