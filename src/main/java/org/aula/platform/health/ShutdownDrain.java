package org.aula.platform.health;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, readiness turns DOWN first; this keeps the instance serving for a
 * configurable moment after that, so load balancers and Kubernetes see the 503 from
 * {@code /api/ready} and stop routing here before the connector closes. Only then does
 * the graceful shutdown of in-flight requests begin.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final Duration delay;

	private volatile boolean running;

	ShutdownDrain(@Value("${aula.shutdown.drain-delay:0s}") Duration delay) {
		this.delay = delay;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.running && !this.delay.isZero()) {
			log.info("Shutting down: not ready any more, still serving for {} so load balancers can notice",
					this.delay);
			try {
				Thread.sleep(this.delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops before everything else, the web server's graceful shutdown included. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
