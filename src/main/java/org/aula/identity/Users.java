package org.aula.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read access to users for other modules. */
public interface Users {

	/**
	 * @param id a user id
	 * @return the user, or empty if there is none with that id
	 */
	Optional<UserSummary> findById(UUID id);

	/**
	 * Looks up many users in one query.
	 * @param ids user ids; unknown ones are skipped
	 * @return the users found, in no particular order
	 */
	List<UserSummary> findAllById(Collection<UUID> ids);

}
