package org.aula.platform.redis;

/**
 * Redis was not asked because it is known to be failing or not connected yet: thrown at
 * once instead of waiting for a timeout, so the caller can fall back straight away.
 */
public final class RedisUnavailable extends RuntimeException {

	private static final long serialVersionUID = 1L;

	RedisUnavailable(String message) {
		super(message, null, false, false);
	}

	RedisUnavailable(String message, Throwable cause) {
		super(message, cause, false, false);
	}

}
