package org.aula.capacity;

import java.util.Map;

import org.aula.platform.config.InvalidPlatformConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CapacitySettingsTest {

	@Test
	void everyThresholdHasItsDocumentedDefault() {
		CapacitySettings settings = bind(Map.of());

		assertThat(settings).isEqualTo(CapacitySettings.defaults());
		assertThat(settings.activeUsers()).isEqualTo(new CapacitySettings.Limits(200.0, 300.0));
		assertThat(settings.requestsPerSecond()).isEqualTo(new CapacitySettings.Limits(50.0, 100.0));
		assertThat(settings.dbConnections()).isEqualTo(new CapacitySettings.Limits(30.0, 40.0));
		assertThat(settings.p95LatencyMs()).isEqualTo(new CapacitySettings.Limits(300.0, 500.0));
		assertThat(settings.memoryMb()).isEqualTo(new CapacitySettings.Limits(350.0, 400.0));
		assertThat(settings.cacheMissPercent()).isEqualTo(new CapacitySettings.Limits(30.0, 50.0));
		assertThat(settings.queuedJobs()).isEqualTo(new CapacitySettings.Limits(1000.0, 5000.0));
		assertThat(settings.chatSockets()).isEqualTo(new CapacitySettings.Limits(3000.0, 5000.0));
	}

	@Test
	void aThresholdSetAloneKeepsTheOtherDefault() {
		CapacitySettings settings = bind(Map.of("aula.capacity.active-users.warning", "100"));

		assertThat(settings.activeUsers()).isEqualTo(new CapacitySettings.Limits(100.0, 300.0));
	}

	@Test
	void aWarningAboveTheActThresholdIsRefused() {
		assertThatThrownBy(() -> bind(Map.of("aula.capacity.p95-latency-ms.warning", "900")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.isInstanceOf(InvalidPlatformConfiguration.class)
			.hasMessage("aula.capacity.p95-latency-ms needs 0 <= warning <= act, not warning=900 and act=500");
	}

	private static CapacitySettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("aula.capacity",
				CapacitySettings.class);
	}

}
