package org.aula.platform.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings beyond Spring's {@code spring.datasource.*} (the primary).
 *
 * @param replica a read replica for read-only transactions; off while its URL is empty
 * @param expectedInstances how many instances share the database, when known: start-up
 * then warns if their pools together exceed the server's {@code max_connections}
 */
@ConfigurationProperties("aula.database")
record DatabaseSettings(@DefaultValue Replica replica, Integer expectedInstances) {

	/**
	 * A read replica.
	 *
	 * @param url JDBC URL, empty for none
	 * @param username user, the primary's when empty
	 * @param password password, the primary's when empty
	 * @param poolSize maximum connections per instance
	 * @param minIdle connections kept open when idle
	 * @param connectionTimeout how long a read waits for a replica connection before it
	 * falls back to the primary
	 * @param retryAfter after the replica fails, how long read-only transactions use the
	 * primary before trying the replica again
	 */
	record Replica(@DefaultValue("") String url, @DefaultValue("") String username, @DefaultValue("") String password,
			@DefaultValue("10") int poolSize, @DefaultValue("2") int minIdle,
			@DefaultValue("1s") Duration connectionTimeout, @DefaultValue("5s") Duration retryAfter) {

		boolean enabled() {
			return !this.url.isBlank();
		}

	}

}
