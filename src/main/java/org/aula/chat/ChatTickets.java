package org.aula.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.security.OpaqueTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use tickets for opening a chat socket, so that the access token never appears in
 * a URL (where proxies and browsers log it). A ticket is stored in the database, by its
 * hash, so that any instance can redeem it, and redeemed by deleting it: of two instances
 * redeeming the same ticket, exactly one deletes the row.
 */
@Component
class ChatTickets {

	private final JdbcClient jdbc;

	private final ChatSettings settings;

	private final Clock clock;

	ChatTickets(JdbcClient jdbc, ChatSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = Clock.systemUTC();
	}

	record Ticket(String ticket, Instant expiresAt) {
	}

	@Transactional
	Ticket issue(UUID userId) {
		String ticket = OpaqueTokens.generate();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.settings.ticketTtl());
		this.jdbc.sql("DELETE FROM chat_tickets WHERE expires_at < ?").param(Timestamps.of(now)).update();
		this.jdbc.sql("INSERT INTO chat_tickets (ticket_hash, user_id, expires_at) VALUES (?, ?, ?)")
			.params(OpaqueTokens.hash(ticket), userId, Timestamps.of(expiresAt))
			.update();
		return new Ticket(ticket, expiresAt);
	}

	/**
	 * The ticket's user, if the ticket exists and has not expired; it is used up either
	 * way.
	 */
	@Transactional
	Optional<UUID> redeem(String ticket) {
		if (!OpaqueTokens.isWellFormed(ticket)) {
			return Optional.empty();
		}
		String hash = OpaqueTokens.hash(ticket);
		Optional<UUID> user = this.jdbc.sql("SELECT user_id FROM chat_tickets WHERE ticket_hash = ? AND expires_at > ?")
			.params(hash, Timestamps.of(this.clock.instant()))
			.query(UUID.class)
			.optional();
		boolean deleted = this.jdbc.sql("DELETE FROM chat_tickets WHERE ticket_hash = ?").param(hash).update() == 1;
		return deleted ? user : Optional.empty();
	}

}
