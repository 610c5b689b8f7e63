package org.aula.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as the API shows them.
 *
 * @param id user id
 * @param email normalised email
 * @param fullName display name
 * @param nationalId national id, if recorded
 * @param role role
 * @param active may sign in
 * @param registered has completed registration
 * @param createdAt when the account was created
 * @param registeredAt when registration completed
 * @param lastLoginAt last successful login
 */
record UserView(UUID id, String email, String fullName, String nationalId, Role role, boolean active,
		boolean registered, Instant createdAt, Instant registeredAt, Instant lastLoginAt) {

	static UserView of(UserAccount user) {
		return new UserView(user.id(), user.email(), user.fullName(), user.nationalId(), user.role(), user.active(),
				user.registered(), user.createdAt(), user.registeredAt(), user.lastLoginAt());
	}

}
