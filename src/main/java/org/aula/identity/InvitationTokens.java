package org.aula.identity;

import org.aula.platform.jdbc.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code invitations} table. */
@Repository
class InvitationTokens {

	private static final String COLUMNS = "id, user_id, email, role, invited_by, created_at, expires_at, accepted_at,"
			+ " revoked_at";

	private final JdbcClient jdbc;

	InvitationTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Invitation invitation, String tokenHash) {
		this.jdbc.sql("INSERT INTO invitations (" + COLUMNS + ", token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(invitation.id(), invitation.userId(), invitation.email(), invitation.role().name(),
					invitation.invitedBy(), Timestamps.of(invitation.createdAt()),
					Timestamps.of(invitation.expiresAt()), null, null, tokenHash)
			.update();
	}

	Optional<Invitation> byTokenHash(String tokenHash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE token_hash = ?")
			.param(tokenHash)
			.query(Invitation::map)
			.optional();
	}

	Optional<Invitation> byId(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM invitations WHERE id = ?")
			.param(id)
			.query(Invitation::map)
			.optional();
	}

	/**
	 * @return true if this call accepted it (it was pending)
	 */
	boolean accept(UUID id, Instant now) {
		return this.jdbc
			.sql("UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL"
					+ " AND expires_at > ?")
			.params(Timestamps.of(now), id, Timestamps.of(now))
			.update() == 1;
	}

	/**
	 * @return true if this call withdrew it (it was neither accepted nor withdrawn)
	 */
	boolean revoke(UUID id, Instant now) {
		return this.jdbc
			.sql("UPDATE invitations SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL")
			.params(Timestamps.of(now), id)
			.update() == 1;
	}

	/**
	 * Withdraws every pending invitation of an address, so only the newest link works.
	 */
	void revokePendingFor(String email, Instant now) {
		this.jdbc
			.sql("UPDATE invitations SET revoked_at = ? WHERE email = ? AND accepted_at IS NULL AND revoked_at IS NULL")
			.params(Timestamps.of(now), email)
			.update();
	}

	/**
	 * Deletes invitations whose link expired before the cutoff: accepted, withdrawn or
	 * unused, none of them can be used any more.
	 * @return how many were deleted, at most {@code limit}
	 */
	int deleteExpiredBefore(Instant cutoff, int limit) {
		List<UUID> ids = this.jdbc.sql("SELECT id FROM invitations WHERE expires_at < ? ORDER BY expires_at LIMIT ?")
			.params(Timestamps.of(cutoff), limit)
			.query(UUID.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM invitations WHERE id IN (:ids)").param("ids", ids).update();
	}

	PageResponse<Invitation> page(PageQuery page) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM invitations").query(Long.class).single();
		List<Invitation> items = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM invitations ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
			.params(page.size(), page.offset())
			.query(Invitation::map)
			.list();
		return PageResponse.of(items, page, total);
	}

}
