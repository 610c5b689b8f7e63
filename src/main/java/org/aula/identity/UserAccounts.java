package org.aula.identity;

import org.aula.platform.jdbc.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table, with explicit SQL for every query the module runs. */
@Repository
class UserAccounts implements Users {

	private static final String COLUMNS = "id, email, full_name, national_id, role, password_hash, active, registered,"
			+ " created_at, registered_at, last_login_at";

	private final JdbcClient jdbc;

	UserAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserAccount> byEmail(String normalisedEmail) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ?")
			.param(normalisedEmail)
			.query(UserAccount::map)
			.optional();
	}

	Optional<UserAccount> byNationalId(String nationalId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE national_id = ?")
			.param(nationalId)
			.query(UserAccount::map)
			.optional();
	}

	Optional<UserAccount> byId(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
			.param(id)
			.query(UserAccount::map)
			.optional();
	}

	/**
	 * Locks the row for the rest of the transaction, so concurrent changes to one user
	 * serialise.
	 */
	Optional<UserAccount> byIdForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ? FOR UPDATE")
			.param(id)
			.query(UserAccount::map)
			.optional();
	}

	boolean anyAdmin() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN'").query(Long.class).single() > 0;
	}

	long activeAdmins() {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND active").query(Long.class).single();
	}

	void insert(UserAccount user) {
		this.jdbc.sql("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(user.id(), user.email(), user.fullName(), user.nationalId(), user.role().name(),
					user.passwordHash(), user.active(), user.registered(), Timestamps.of(user.createdAt()),
					Timestamps.of(user.registeredAt()), Timestamps.of(user.lastLoginAt()))
			.update();
	}

	void completeRegistration(UUID id, String fullName, String nationalId, String passwordHash, Role role,
			Instant now) {
		this.jdbc
			.sql("UPDATE users SET full_name = ?, national_id = ?, password_hash = ?, role = ?, registered = TRUE,"
					+ " registered_at = ? WHERE id = ?")
			.params(fullName, nationalId, passwordHash, role.name(), Timestamps.of(now), id)
			.update();
	}

	void recordLogin(UUID id, Instant at) {
		this.jdbc.sql("UPDATE users SET last_login_at = ? WHERE id = ?").params(Timestamps.of(at), id).update();
	}

	void updateName(UUID id, String fullName) {
		this.jdbc.sql("UPDATE users SET full_name = ? WHERE id = ?").params(fullName, id).update();
	}

	void updatePassword(UUID id, String passwordHash) {
		this.jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
	}

	void updateRoleAndActive(UUID id, Role role, boolean active) {
		this.jdbc.sql("UPDATE users SET role = ?, active = ? WHERE id = ?").params(role.name(), active, id).update();
	}

	PageResponse<UserAccount> search(String text, Role role, Boolean active, PageQuery page) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (text != null && !text.isBlank()) {
			String like = "%" + escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%";
			where.append(" AND (email LIKE ? ESCAPE '\\' OR LOWER(full_name) LIKE ? ESCAPE '\\'"
					+ " OR LOWER(national_id) LIKE ? ESCAPE '\\')");
			params.add(like);
			params.add(like);
			params.add(like);
		}
		if (role != null) {
			where.append(" AND role = ?");
			params.add(role.name());
		}
		if (active != null) {
			where.append(" AND active = ?");
			params.add(active);
		}
		long total = this.jdbc.sql("SELECT COUNT(*) FROM users" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(page.size());
		pageParams.add(page.offset());
		List<UserAccount> users = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM users" + where + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(UserAccount::map)
			.list();
		return PageResponse.of(users, page, total);
	}

	@Override
	public Optional<UserSummary> findById(UUID id) {
		return byId(id).map(UserAccount::summary);
	}

	@Override
	public List<UserSummary> findAllById(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(UserAccount::map)
			.list()
			.stream()
			.map(UserAccount::summary)
			.toList();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
