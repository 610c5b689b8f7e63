package org.aula.identity;

import org.aula.platform.jdbc.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation as admins see it; the token itself is only ever in the email.
 *
 * @param id invitation id
 * @param userId the account it will complete
 * @param email who is invited
 * @param role the role the account gets
 * @param invitedBy the admin who invited
 * @param createdAt when
 * @param expiresAt until when the link works
 * @param acceptedAt when the account was created with it, or null
 * @param revokedAt when an admin withdrew it, or null
 */
record Invitation(UUID id, UUID userId, String email, Role role, UUID invitedBy, Instant createdAt, Instant expiresAt,
		Instant acceptedAt, Instant revokedAt) {

	static Invitation map(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getObject("invited_by", UUID.class),
				Timestamps.read(rs, "created_at"), Timestamps.read(rs, "expires_at"),
				Timestamps.read(rs, "accepted_at"), Timestamps.read(rs, "revoked_at"));
	}

	String status(Instant now) {
		if (this.acceptedAt != null) {
			return "ACCEPTED";
		}
		if (this.revokedAt != null) {
			return "REVOKED";
		}
		return this.expiresAt.isAfter(now) ? "PENDING" : "EXPIRED";
	}

	boolean usable(Instant now) {
		return "PENDING".equals(status(now));
	}

}
