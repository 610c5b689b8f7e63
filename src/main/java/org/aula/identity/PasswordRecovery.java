package org.aula.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.aula.platform.security.OpaqueTokens;
import org.aula.platform.web.InvalidInput;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgotten passwords. Asking for a reset always looks the same from outside, whether the
 * address has an account or not; the reset link is single-use and short-lived, and using
 * it signs the user out everywhere.
 */
@Service
class PasswordRecovery {

	private final UserAccounts users;

	private final ResetTokens resets;

	private final PasswordEncoder passwords;

	private final Sessions sessions;

	private final IdentityEmails emails;

	private final IdentityAudit audit;

	private final IdentitySettings settings;

	PasswordRecovery(UserAccounts users, ResetTokens resets, PasswordEncoder passwords, Sessions sessions,
			IdentityEmails emails, IdentityAudit audit, IdentitySettings settings) {
		this.users = users;
		this.resets = resets;
		this.passwords = passwords;
		this.sessions = sessions;
		this.emails = emails;
		this.audit = audit;
		this.settings = settings;
	}

	@Transactional
	void requestReset(String rawEmail) {
		String email = EmailAddresses.normalise(rawEmail);
		this.users.byEmail(email).filter(UserAccount::canSignIn).ifPresent((user) -> {
			Instant now = Instant.now();
			this.resets.spendAllFor(user.id(), now);
			String token = OpaqueTokens.generate();
			this.resets.insert(user.id(), OpaqueTokens.hash(token), now, now.plus(this.settings.passwordResetTtl()));
			this.emails.passwordReset(email, token, this.settings.passwordResetTtl());
			this.audit.userBy(null, "user.password.reset-requested", user.id(), Map.of());
		});
	}

	@Transactional
	void reset(String token, String newPassword) {
		Instant now = Instant.now();
		UUID userId = OpaqueTokens.isWellFormed(token) ? this.resets.spend(OpaqueTokens.hash(token), now).orElse(null)
				: null;
		UserAccount user = (userId != null)
				? this.users.byIdForUpdate(userId).filter(UserAccount::canSignIn).orElse(null) : null;
		if (user == null) {
			throw IdentityProblems.of(HttpStatus.BAD_REQUEST, IdentityProblems.INVALID_RESET_TOKEN,
					"The reset link is invalid, expired or already used; ask for a new one.");
		}
		PasswordPolicy.problem(newPassword, user.email()).ifPresent((reason) -> {
			throw new InvalidInput("newPassword", reason);
		});
		this.users.updatePassword(user.id(), this.passwords.encode(newPassword));
		this.sessions.endAllSessions(user.id(), null);
		this.audit.userBy(user.id(), "user.password.reset", user.id(), Map.of());
	}

}
