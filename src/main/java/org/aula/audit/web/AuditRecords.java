package org.aula.audit.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the audit log, or its archive, page by page, newest first. Only the criteria
 * given become part of the query, always as bound parameters, so each combination can use
 * its index; the archive has the same indexes as the live log.
 */
@Component
class AuditRecords {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditRecords(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	PageResponse<AuditRecord> find(AuditFilter filter, boolean archived, PageQuery page) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.actor() != null) {
			conditions.add("actor_id = :actor");
			params.put("actor", filter.actor());
		}
		if (filter.action() != null) {
			conditions.add("action = :action");
			params.put("action", filter.action());
		}
		if (filter.entityType() != null) {
			conditions.add("entity_type = :entityType");
			params.put("entityType", filter.entityType());
		}
		if (filter.from() != null) {
			conditions.add("occurred_at >= :from");
			params.put("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			conditions.add("occurred_at < :to");
			params.put("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
		}
		String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
		String table = archived ? "audit_log_archive" : "audit_log";

		long total = this.jdbc.sql("select count(*) from " + table + where).params(params).query(Long.class).single();
		if (page.offset() >= total) {
			return PageResponse.of(List.of(), page, total);
		}
		List<AuditRecord> items = this.jdbc
			.sql("select id, occurred_at, actor_id, action, entity_type, entity_id, changes, ip, user_agent,"
					+ " request_id" + (archived ? ", archived_at" : "") + " from " + table + where
					+ " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((row, rowNumber) -> toRecord(row, archived))
			.list();
		return PageResponse.of(items, page, total);
	}

	private AuditRecord toRecord(ResultSet row, boolean archived) throws SQLException {
		return new AuditRecord(row.getObject("id", UUID.class),
				row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getObject("actor_id", UUID.class),
				row.getString("action"), row.getString("entity_type"), row.getString("entity_id"),
				this.json.readTree(row.getString("changes")), row.getString("ip"), row.getString("user_agent"),
				row.getString("request_id"), archived ? Timestamps.read(row, "archived_at") : null);
	}

}
