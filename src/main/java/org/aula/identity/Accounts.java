package org.aula.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.aula.platform.web.Conflict;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.NotFound;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to existing accounts: by their owner, or by an admin. */
@Service
class Accounts {

	private final UserAccounts users;

	private final PasswordEncoder passwords;

	private final Sessions sessions;

	private final IdentityAudit audit;

	Accounts(UserAccounts users, PasswordEncoder passwords, Sessions sessions, IdentityAudit audit) {
		this.users = users;
		this.passwords = passwords;
		this.sessions = sessions;
		this.audit = audit;
	}

	/**
	 * The owner changes their name and/or password. A new password needs the current one
	 * and signs out every other session of the user.
	 */
	@Transactional
	UserAccount updateOwn(UUID userId, UUID currentFamily, String fullName, String currentPassword,
			String newPassword) {
		UserAccount user = this.users.byIdForUpdate(userId).orElseThrow(() -> new NotFound("User"));
		if (fullName != null) {
			this.users.updateName(userId, fullName.trim());
			this.audit.user("user.update", userId,
					Map.of("fullName", Map.of("from", user.fullName(), "to", fullName.trim())));
		}
		if (newPassword != null) {
			if (currentPassword == null || user.passwordHash() == null
					|| !this.passwords.matches(currentPassword, user.passwordHash())) {
				throw new InvalidInput("currentPassword", "is not your current password");
			}
			PasswordPolicy.problem(newPassword, user.email()).ifPresent((reason) -> {
				throw new InvalidInput("newPassword", reason);
			});
			this.users.updatePassword(userId, this.passwords.encode(newPassword));
			this.sessions.endAllSessions(userId, currentFamily);
			this.audit.user("user.password.change", userId, Map.of());
		}
		return this.users.byId(userId).orElseThrow();
	}

	/**
	 * An admin changes a user's role or active flag. Either change signs the user out
	 * everywhere at once, so no token keeps rights the user no longer has. The last
	 * active admin cannot be demoted or deactivated: someone must remain able to
	 * administer.
	 */
	@Transactional
	UserAccount administer(UUID userId, Role role, Boolean active) {
		UserAccount user = this.users.byIdForUpdate(userId).orElseThrow(() -> new NotFound("User"));
		Role newRole = (role != null) ? role : user.role();
		boolean newActive = (active != null) ? active : user.active();
		if (newRole == user.role() && newActive == user.active()) {
			return user;
		}
		boolean losesAdmin = user.role() == Role.ADMIN && user.active() && (newRole != Role.ADMIN || !newActive);
		if (losesAdmin && this.users.activeAdmins() <= 1) {
			throw new Conflict(IdentityProblems.LAST_ADMIN, "The last active admin cannot be demoted or deactivated.");
		}
		this.users.updateRoleAndActive(userId, newRole, newActive);
		this.sessions.endAllSessions(userId, null);
		Map<String, Object> changes = new LinkedHashMap<>();
		if (newRole != user.role()) {
			changes.put("role", Map.of("from", user.role().name(), "to", newRole.name()));
			this.audit.user("user.role.change", userId, changes);
		}
		if (newActive != user.active()) {
			this.audit.user(newActive ? "user.activate" : "user.deactivate", userId,
					Map.of("active", Map.of("from", user.active(), "to", newActive)));
		}
		return this.users.byId(userId).orElseThrow();
	}

}
