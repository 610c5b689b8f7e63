package org.aula.platform.config;

import org.springframework.modulith.NamedInterface;

/**
 * The adapters whose store is chosen by configuration alone. Each property takes
 * {@code memory} or {@code redis}; when unset it follows {@code aula.adapters.store}, and
 * when that is unset too, {@code redis} if a Redis URL is configured, else
 * {@code memory}. Each property holds the resolved store once the environment is
 * prepared, which is how other modules (capacity advice) read it.
 */
@NamedInterface("config")
public enum SwitchableAdapter {

	CACHE("cache", "aula.cache.store"),

	RATE_LIMIT("rate limit", "aula.ratelimit.store"),

	TOKEN_REVOCATION("token revocation", "aula.tokens.revocation-store"),

	PUB_SUB("pub/sub", "aula.pubsub.store"),

	ACTIVE_USERS("active users", "aula.active-users.store");

	private final String label;

	private final String property;

	SwitchableAdapter(String label, String property) {
		this.label = label;
		this.property = property;
	}

	public String label() {
		return this.label;
	}

	public String property() {
		return this.property;
	}

}
