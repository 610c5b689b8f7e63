package org.aula.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.aula.notifications.EmailOutbox;
import org.aula.notifications.OutgoingEmail;

import org.springframework.stereotype.Component;

/**
 * The emails identity sends. They go to the outbox in the caller's transaction, so an
 * invitation or reset email exists if and only if the token it carries was stored.
 */
@Component
class IdentityEmails {

	private final EmailOutbox outbox;

	private final String baseUrl;

	IdentityEmails(EmailOutbox outbox, IdentitySettings settings) {
		this.outbox = outbox;
		this.baseUrl = settings.publicBaseUrl().replaceAll("/+$", "");
	}

	void invitation(String to, Role role, String token, Duration validFor) {
		this.outbox.enqueue(new OutgoingEmail(to, "You are invited to Aula", """
				You have been invited to Aula as %s.

				Create your account here (the link works once, for %d days):
				%s/register?token=%s
				""".formatted(role.name().toLowerCase(), validFor.toDays(), this.baseUrl, encode(token))));
	}

	void passwordReset(String to, String token, Duration validFor) {
		this.outbox.enqueue(new OutgoingEmail(to, "Reset your Aula password", """
				Someone asked to reset the password of your Aula account.

				Choose a new password here (the link works once, for %d minutes):
				%s/reset-password?token=%s

				If it was not you, ignore this email: your password has not changed.
				""".formatted(validFor.toMinutes(), this.baseUrl, encode(token))));
	}

	void welcome(String to, String fullName) {
		this.outbox.enqueue(new OutgoingEmail(to, "Welcome to Aula", """
				Hello %s,

				your Aula account is ready. Sign in at %s with this email address.
				""".formatted(fullName, this.baseUrl)));
	}

	private static String encode(String token) {
		return URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

}
