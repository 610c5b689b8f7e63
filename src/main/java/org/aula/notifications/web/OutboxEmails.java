package org.aula.notifications.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the outbox page by page, newest first. Bodies are read only in the embedded mode.
 */
@Component
class OutboxEmails {

	private final JdbcClient jdbc;

	private final boolean withBodies;

	OutboxEmails(JdbcClient jdbc, @Value("${aula.embedded:false}") boolean embedded) {
		this.jdbc = jdbc;
		this.withBodies = embedded;
	}

	PageResponse<OutboxEmail> find(String recipient, String status, PageQuery page) {
		List<String> conditions = new ArrayList<>();
		if (recipient != null) {
			conditions.add("lower(recipient) = lower(:recipient)");
		}
		if (status != null) {
			conditions.add("status = :status");
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		JdbcClient.StatementSpec count = bind(this.jdbc.sql("select count(*) from email_outbox" + where), recipient,
				status);
		long total = count.query(Long.class).single();
		if (page.offset() >= total) {
			return PageResponse.of(List.of(), page, total);
		}
		String body = this.withBodies ? "body" : "null as body";
		JdbcClient.StatementSpec select = bind(this.jdbc
			.sql("select id, recipient, subject, " + body
					+ ", status, attempts, last_error, created_at, sent_at from email_outbox" + where
					+ " order by created_at desc, id desc limit :limit offset :offset")
			.param("limit", page.size())
			.param("offset", page.offset()), recipient, status);
		return PageResponse.of(select.query(OutboxEmails::toEmail).list(), page, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String recipient, String status) {
		JdbcClient.StatementSpec bound = spec;
		if (recipient != null) {
			bound = bound.param("recipient", recipient);
		}
		if (status != null) {
			bound = bound.param("status", status);
		}
		return bound;
	}

	private static OutboxEmail toEmail(ResultSet row, int rowNumber) throws SQLException {
		return new OutboxEmail(row.getObject("id", UUID.class), row.getString("recipient"), row.getString("subject"),
				row.getString("body"), row.getString("status"), row.getInt("attempts"), row.getString("last_error"),
				Timestamps.read(row, "created_at"), Timestamps.read(row, "sent_at"));
	}

}
