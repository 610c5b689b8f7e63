package org.aula.identity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.aula.platform.security.OpaqueTokens;
import org.aula.platform.web.Conflict;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.NotFound;

import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How accounts come to exist: an admin invites an address (which reserves the account and
 * fixes its role), and the invitee, or anyone when self-registration is on, registers.
 */
@Service
class Registration {

	private final UserAccounts users;

	private final InvitationTokens invitations;

	private final PasswordEncoder passwords;

	private final IdentityEmails emails;

	private final IdentityAudit audit;

	private final IdentitySettings settings;

	private final boolean selfRegistration;

	Registration(UserAccounts users, InvitationTokens invitations, PasswordEncoder passwords, IdentityEmails emails,
			IdentityAudit audit, IdentitySettings settings, Environment environment) {
		this.users = users;
		this.invitations = invitations;
		this.passwords = passwords;
		this.emails = emails;
		this.audit = audit;
		this.settings = settings;
		this.selfRegistration = (settings.selfRegistration() != null) ? settings.selfRegistration()
				: environment.getProperty("aula.embedded", Boolean.class, false);
	}

	boolean selfRegistrationEnabled() {
		return this.selfRegistration;
	}

	@Transactional
	UserAccount register(String rawEmail, String password, String fullName, String nationalId, String invitationToken) {
		String email = EmailAddresses.normalise(rawEmail);
		requireValidEmail(email);
		PasswordPolicy.problem(password, email).ifPresent((reason) -> {
			throw new InvalidInput("password", reason);
		});
		Instant now = Instant.now();
		if (invitationToken != null && !invitationToken.isBlank()) {
			return registerInvited(email, password, fullName.trim(), nationalId, invitationToken, now);
		}
		if (!this.selfRegistration) {
			throw IdentityProblems.of(HttpStatus.FORBIDDEN, IdentityProblems.SELF_REGISTRATION_DISABLED,
					"Registration needs an invitation on this platform.");
		}
		if (this.users.byEmail(email).isPresent()) {
			throw emailTaken();
		}
		requireFreeNationalId(nationalId, null);
		UserAccount user = new UserAccount(UUID.randomUUID(), email, fullName.trim(), nationalId, Role.STUDENT,
				this.passwords.encode(password), true, true, now, now, null);
		try {
			this.users.insert(user);
		}
		catch (DuplicateKeyException ex) {
			throw emailTaken();
		}
		this.audit.userBy(user.id(), "user.register", user.id(), Map.of("role", user.role().name()));
		this.emails.welcome(email, user.fullName());
		return user;
	}

	private UserAccount registerInvited(String email, String password, String fullName, String nationalId, String token,
			Instant now) {
		Invitation invitation = (OpaqueTokens.isWellFormed(token))
				? this.invitations.byTokenHash(OpaqueTokens.hash(token))
					.filter((found) -> found.usable(now))
					.orElse(null)
				: null;
		if (invitation == null) {
			throw IdentityProblems.of(HttpStatus.BAD_REQUEST, IdentityProblems.INVALID_INVITATION,
					"The invitation is invalid, expired or already used.");
		}
		if (!invitation.email().equals(email)) {
			throw new InvalidInput("email", "must be the address the invitation was sent to");
		}
		requireFreeNationalId(nationalId, invitation.userId());
		if (!this.invitations.accept(invitation.id(), now)) {
			throw IdentityProblems.of(HttpStatus.BAD_REQUEST, IdentityProblems.INVALID_INVITATION,
					"The invitation is invalid, expired or already used.");
		}
		this.users.completeRegistration(invitation.userId(), fullName, nationalId, this.passwords.encode(password),
				invitation.role(), now);
		this.audit.userBy(invitation.userId(), "user.register", invitation.userId(),
				Map.of("role", invitation.role().name(), "invitation", invitation.id().toString()));
		this.emails.welcome(email, fullName);
		return this.users.byId(invitation.userId()).orElseThrow();
	}

	@Transactional
	Invitation invite(UUID adminId, String rawEmail, Role role) {
		String email = EmailAddresses.normalise(rawEmail);
		requireValidEmail(email);
		Instant now = Instant.now();
		UserAccount user = this.users.byEmail(email).orElse(null);
		if (user != null && user.registered()) {
			throw emailTaken();
		}
		if (user == null) {
			user = new UserAccount(UUID.randomUUID(), email, email, null, role, null, true, false, now, null, null);
			try {
				this.users.insert(user);
			}
			catch (DuplicateKeyException ex) {
				throw emailTaken();
			}
		}
		this.invitations.revokePendingFor(email, now);
		String token = OpaqueTokens.generate();
		Invitation invitation = new Invitation(UUID.randomUUID(), user.id(), email, role, adminId, now,
				now.plus(this.settings.invitationTtl()), null, null);
		this.invitations.insert(invitation, OpaqueTokens.hash(token));
		this.audit.invitation("user.invite", invitation.id(), Map.of("email", email, "role", role.name()));
		this.emails.invitation(email, role, token, this.settings.invitationTtl());
		return invitation;
	}

	@Transactional
	void withdraw(UUID invitationId) {
		Invitation invitation = this.invitations.byId(invitationId).orElseThrow(() -> new NotFound("Invitation"));
		if (!this.invitations.revoke(invitation.id(), Instant.now())) {
			throw new Conflict(IdentityProblems.INVALID_INVITATION, "The invitation was already used or withdrawn.");
		}
		this.audit.invitation("invitation.revoke", invitation.id(), Map.of("email", invitation.email()));
	}

	private void requireFreeNationalId(String nationalId, UUID owner) {
		if (nationalId != null
				&& this.users.byNationalId(nationalId).filter((holder) -> !holder.id().equals(owner)).isPresent()) {
			throw new Conflict(IdentityProblems.NATIONAL_ID_TAKEN, "An account with this national id already exists.");
		}
	}

	private static void requireValidEmail(String email) {
		if (!EmailAddresses.isPlausible(email)) {
			throw new InvalidInput("email", "must be a valid email address");
		}
	}

	private static Conflict emailTaken() {
		return new Conflict(IdentityProblems.EMAIL_TAKEN, "An account with this email already exists.");
	}

}
