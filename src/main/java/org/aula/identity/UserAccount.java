package org.aula.identity;

import org.aula.platform.jdbc.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A user row, password hash included: never leaves this module as is. */
record UserAccount(UUID id, String email, String fullName, String nationalId, Role role, String passwordHash,
		boolean active, boolean registered, Instant createdAt, Instant registeredAt, Instant lastLoginAt) {

	static UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("full_name"),
				rs.getString("national_id"), Role.valueOf(rs.getString("role")), rs.getString("password_hash"),
				rs.getBoolean("active"), rs.getBoolean("registered"), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "registered_at"), Timestamps.read(rs, "last_login_at"));
	}

	UserSummary summary() {
		return new UserSummary(this.id, this.email, this.fullName, this.role, this.active);
	}

	boolean canSignIn() {
		return this.active && this.registered && this.passwordHash != null;
	}

}
