package org.aula.platform.config;

import org.springframework.modulith.NamedInterface;

/**
 * A combination of settings Aula cannot run with; the message is the one line an operator
 * needs to fix it. Modules throw it too, for settings of their own.
 */
@NamedInterface("config")
public class InvalidPlatformConfiguration extends RuntimeException {

	public InvalidPlatformConfiguration(String message) {
		super(message);
	}

}
