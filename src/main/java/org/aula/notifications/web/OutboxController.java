package org.aula.notifications.web;

import org.aula.notifications.OutgoingEmail;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows administrators the emails Aula queued, so invitations and password resets can be
 * followed when trying Aula without an SMTP server. Exists only in the embedded mode: in
 * the shared mode emails leave through SMTP and the route is not there at all.
 */
@RestController
@ConditionalOnBooleanProperty("aula.embedded")
class OutboxController {

	private final OutboxEmails emails;

	OutboxController(OutboxEmails emails) {
		this.emails = emails;
	}

	/**
	 * Queued emails, newest first.
	 * @param to only emails to this address, in any letter case
	 * @param page zero-based page, default 0
	 * @param size entries per page, 1 to 100, default 20
	 * @return one page of emails
	 */
	@GetMapping("/api/admin/outbox")
	@PreAuthorize("hasRole('ADMIN')")
	PageResponse<OutboxEmail> list(@RequestParam(required = false) String to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageQuery pageQuery = PageQuery.of(page, size);
		if (to != null && (to.isBlank() || to.length() > OutgoingEmail.MAX_ADDRESS_LENGTH)) {
			throw new InvalidInput("to", "must be 1 to " + OutgoingEmail.MAX_ADDRESS_LENGTH + " characters");
		}
		return this.emails.find(to, pageQuery);
	}

}
