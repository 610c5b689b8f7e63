package org.aula.platform.config;

import java.util.Locale;

/**
 * Where a switchable adapter keeps its state: in this instance's memory (embedded
 * default) or in the shared Redis that every instance sees.
 */
public enum AdapterStore {

	MEMORY, REDIS;

	static AdapterStore parse(String property, String value) {
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPlatformConfiguration(
					"%s=%s is not a store Aula knows; use memory or redis".formatted(property, value));
		}
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
