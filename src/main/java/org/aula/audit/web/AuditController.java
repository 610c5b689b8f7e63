package org.aula.audit.web;

import java.time.Instant;
import java.util.UUID;

import org.aula.platform.web.PageQuery;
import org.aula.platform.web.PageResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets administrators search the audit log.
 */
@RestController
class AuditController {

	private final AuditRecords records;

	AuditController(AuditRecords records) {
		this.records = records;
	}

	/**
	 * Audit entries matching every given criterion, newest first.
	 * @param actor only entries by this user id
	 * @param action only entries with this action, e.g. {@code user.invite}
	 * @param entityType only entries about this kind of entity, e.g. {@code user}
	 * @param from ISO-8601 instant, inclusive
	 * @param to ISO-8601 instant, exclusive
	 * @param archived {@code true} to search the archive (entries older than
	 * {@code aula.audit.archive-after}, moved there daily) instead of the live log;
	 * default {@code false}
	 * @param page zero-based page, default 0
	 * @param size entries per page, 1 to 100, default 20
	 * @return one page of entries
	 */
	@GetMapping("/api/admin/audit")
	@PreAuthorize("hasRole('ADMIN')")
	PageResponse<AuditRecord> search(@RequestParam(required = false) UUID actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) Boolean archived, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageQuery pageQuery = PageQuery.of(page, size);
		return this.records.find(new AuditFilter(actor, action, entityType, from, to), Boolean.TRUE.equals(archived),
				pageQuery);
	}

}
