package org.aula.catalog;

import org.aula.platform.jdbc.Timestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code courses}. */
record Course(UUID id, String code, String title, String description, UUID teacherId, BigDecimal price, String currency,
		boolean published, Instant createdAt, Instant updatedAt) {

	static final String COLUMNS = "id, code, title, description, teacher_id, price, currency, published, created_at,"
			+ " updated_at";

	static Course map(ResultSet rs, int row) throws SQLException {
		return new Course(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("title"),
				rs.getString("description"), rs.getObject("teacher_id", UUID.class), rs.getBigDecimal("price"),
				rs.getString("currency"), rs.getBoolean("published"), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "updated_at"));
	}

	CourseRef ref() {
		return new CourseRef(this.id, this.code, this.title, this.teacherId, this.price, this.currency, this.published);
	}

	CourseSummary summary() {
		return new CourseSummary(this.id, this.code, this.title, this.description, this.teacherId, this.price,
				this.currency, this.published, this.createdAt, this.updatedAt);
	}

}
