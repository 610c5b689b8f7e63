package org.aula.notifications.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the outbox page by page, newest first.
 */
@Component
@ConditionalOnBooleanProperty("aula.embedded")
class OutboxEmails {

	private final JdbcClient jdbc;

	OutboxEmails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageResponse<OutboxEmail> find(String recipient, PageQuery page) {
		String where = (recipient != null) ? " where lower(recipient) = lower(:recipient)" : "";
		JdbcClient.StatementSpec count = this.jdbc.sql("select count(*) from email_outbox" + where);
		if (recipient != null) {
			count = count.param("recipient", recipient);
		}
		long total = count.query(Long.class).single();
		if (page.offset() >= total) {
			return PageResponse.of(List.of(), page, total);
		}
		JdbcClient.StatementSpec select = this.jdbc
			.sql("select id, recipient, subject, body, status, created_at, sent_at from email_outbox" + where
					+ " order by created_at desc, id desc limit :limit offset :offset")
			.param("limit", page.size())
			.param("offset", page.offset());
		if (recipient != null) {
			select = select.param("recipient", recipient);
		}
		return PageResponse.of(select.query(OutboxEmails::toEmail).list(), page, total);
	}

	private static OutboxEmail toEmail(ResultSet row, int rowNumber) throws SQLException {
		OffsetDateTime sentAt = row.getObject("sent_at", OffsetDateTime.class);
		return new OutboxEmail(row.getObject("id", UUID.class), row.getString("recipient"), row.getString("subject"),
				row.getString("body"), row.getString("status"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				(sentAt != null) ? sentAt.toInstant() : null);
	}

}
