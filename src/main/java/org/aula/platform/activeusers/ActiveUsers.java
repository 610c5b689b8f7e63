package org.aula.platform.activeusers;

import java.time.Duration;

/**
 * Distinct signed-in users seen recently. A user counts from the request that made them
 * seen for {@link #WINDOW}: precisely, while the minute they were last seen in is the
 * current minute or one of the four before it. With {@code aula.active-users.store=redis}
 * the count covers every instance; with {@code memory}, this instance only.
 */
public interface ActiveUsers {

	/** How far back a user still counts. */
	Duration WINDOW = Duration.ofMinutes(5);

	/**
	 * Notes that the user made a request now. Called on every authenticated request, so
	 * it never waits for a store.
	 * @param userId the user's id, as the access token's subject names it
	 */
	void seen(String userId);

	/**
	 * @return distinct users seen within {@link #WINDOW}; an estimate within about 1 %
	 * when counted in Redis (HyperLogLog), never an error
	 */
	long count();

}
