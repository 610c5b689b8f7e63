package org.aula.capacity;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The advice as Prometheus gauges, read from the advisor's reused evaluation so that a
 * scrape does no more work than one evaluation every few seconds:
 * {@code aula_capacity_signal_value}, {@code aula_capacity_signal_state} (0 ok, 1
 * warning, 2 act now), {@code aula_capacity_signal_warning} and
 * {@code aula_capacity_signal_act} (the thresholds in force), each by {@code signal};
 * {@code aula_capacity_stage}, {@code aula_capacity_recommended_stage} and
 * {@code aula_active_users}.
 */
final class CapacityGauges {

	private CapacityGauges() {
	}

	static void register(CapacityAdvisor advisor, MeterRegistry registry) {
		for (String name : CapacityAdvisor.SIGNALS) {
			signalGauge(registry, advisor, "aula.capacity.signal.value", name, "The signal's value, in its unit",
					(signal) -> signal.value());
			signalGauge(registry, advisor, "aula.capacity.signal.state", name,
					"Where the signal stands: 0 ok, 1 warning, 2 act now", (signal) -> signal.state().level());
			signalGauge(registry, advisor, "aula.capacity.signal.warning", name, "The signal's warning threshold",
					(signal) -> signal.warning());
			signalGauge(registry, advisor, "aula.capacity.signal.act", name, "The signal's act threshold",
					(signal) -> signal.act());
		}
		Gauge.builder("aula.capacity.stage", advisor, (it) -> it.advice().stage())
			.description("The scaling stage of this instance's configuration (1, 2 or 3)")
			.strongReference(true)
			.register(registry);
		Gauge.builder("aula.capacity.recommended.stage", advisor, (it) -> it.advice().recommendedStage())
			.description("The stage the capacity advisor recommends")
			.strongReference(true)
			.register(registry);
		Gauge.builder("aula.active.users", advisor, (it) -> it.advice().signal(CapacityAdvisor.ACTIVE_USERS).value())
			.description("Distinct signed-in users with a request in the last 5 minutes")
			.baseUnit("users")
			.strongReference(true)
			.register(registry);
	}

	private static void signalGauge(MeterRegistry registry, CapacityAdvisor advisor, String meter, String signal,
			String description, ToDoubleFunction<Signal> value) {
		Gauge.builder(meter, advisor, (it) -> value.applyAsDouble(it.advice().signal(signal)))
			.description(description)
			.tag("signal", signal)
			.strongReference(true)
			.register(registry);
	}

}
