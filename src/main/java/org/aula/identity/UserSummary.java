package org.aula.identity;

import java.util.UUID;

/**
 * A user as other modules see them: enough to show a name or check a role, nothing
 * secret.
 *
 * @param id the user's id
 * @param email normalised email address
 * @param fullName display name
 * @param role the user's role
 * @param active whether the user may sign in
 */
public record UserSummary(UUID id, String email, String fullName, Role role, boolean active) {
}
