package org.aula;

import org.aula.platform.seeding.SeedCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Aula, a learning platform server. Each top-level package below this one is a business
 * module; {@code platform} holds the cross-cutting adapters they share.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AulaApplication {

	public static void main(String[] args) {
		if (SeedCommand.isSeed(args)) {
			System.exit(SeedCommand.run(AulaApplication.class, args, System.out));
		}
		SpringApplication.run(AulaApplication.class, args);
	}

}
