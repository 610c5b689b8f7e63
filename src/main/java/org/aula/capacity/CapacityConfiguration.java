package org.aula.capacity;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.aula.platform.activeusers.ActiveUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CapacitySettings.class)
class CapacityConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(CapacityConfiguration.class);

	/** How often the counting meters are sampled for the last minute's rates. */
	private static final long SAMPLE_SECONDS = 5;

	@Bean
	CapacityAdvisor capacityAdvisor(MeterRegistry registry, ActiveUsers activeUsers, Environment environment,
			CapacitySettings settings) {
		CapacityAdvisor advisor = new CapacityAdvisor(registry, activeUsers, Deployment.from(environment), settings,
				new ProcessMemory());
		CapacityGauges.register(advisor, registry);
		return advisor;
	}

	@Bean
	Sampling capacitySampling(CapacityAdvisor advisor) {
		return new Sampling(advisor);
	}

	/** Samples the counting meters every few seconds, on a thread of its own. */
	static final class Sampling implements AutoCloseable {

		private final ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("aula-capacity-sampling").daemon().factory());

		Sampling(CapacityAdvisor advisor) {
			this.executor.scheduleWithFixedDelay(() -> {
				try {
					advisor.sample();
				}
				catch (RuntimeException ex) {
					logger.debug("Sampling the meters failed; the next sample comes at its time", ex);
				}
			}, SAMPLE_SECONDS, SAMPLE_SECONDS, TimeUnit.SECONDS);
		}

		@Override
		public void close() {
			this.executor.shutdownNow();
		}

	}

}
