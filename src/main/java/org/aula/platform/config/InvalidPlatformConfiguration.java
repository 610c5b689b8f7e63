package org.aula.platform.config;

/**
 * A combination of settings Aula cannot run with; the message is the one line an operator
 * needs to fix it.
 */
public class InvalidPlatformConfiguration extends RuntimeException {

	public InvalidPlatformConfiguration(String message) {
		super(message);
	}

}
