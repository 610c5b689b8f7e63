package org.aula.notifications.web;

import java.util.Locale;
import java.util.Set;

import org.aula.notifications.OutgoingEmail;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows administrators the emails Aula queued and what became of them: pending, sent,
 * written to the log, or failed with the reason. In the embedded mode the view includes
 * the bodies, so invitations and password resets can be followed without an SMTP server;
 * in the shared mode it leaves them out, because they hold one-time links that only their
 * recipients should read.
 */
@RestController
class OutboxController {

	private static final Set<String> STATUSES = Set.of("PENDING", "SENT", "LOGGED", "FAILED");

	private final OutboxEmails emails;

	OutboxController(OutboxEmails emails) {
		this.emails = emails;
	}

	/**
	 * Queued emails, newest first.
	 * @param to only emails to this address, in any letter case
	 * @param status only emails in this status: pending, sent, logged or failed
	 * @param page zero-based page, default 0
	 * @param size entries per page, 1 to 100, default 20
	 * @return one page of emails
	 */
	@GetMapping("/api/admin/outbox")
	@PreAuthorize("hasRole('ADMIN')")
	PageResponse<OutboxEmail> list(@RequestParam(required = false) String to,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageQuery pageQuery = PageQuery.of(page, size);
		if (to != null && (to.isBlank() || to.length() > OutgoingEmail.MAX_ADDRESS_LENGTH)) {
			throw new InvalidInput("to", "must be 1 to " + OutgoingEmail.MAX_ADDRESS_LENGTH + " characters");
		}
		String wanted = (status != null) ? status.strip().toUpperCase(Locale.ROOT) : null;
		if (wanted != null && !STATUSES.contains(wanted)) {
			throw new InvalidInput("status", "must be one of pending, sent, logged, failed");
		}
		return this.emails.find(to, wanted, pageQuery);
	}

}
