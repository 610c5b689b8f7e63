package org.aula.platform.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Moves old rows of a table into its archive table, one batch at a time. The archive has
 * the same columns plus {@code archived_at}, and both have a UUID primary key {@code id}.
 * <p>
 * A batch copies the oldest rows that are due and deletes them from the table within the
 * caller's transaction, so a batch either moves its rows or leaves them where they were.
 * The copy skips rows whose id is already archived, so a batch that runs again, or a row
 * that somehow exists in both tables, never makes a duplicate, and the row is still
 * deleted from the table.
 *
 * @param table the live table, such as {@code audit_log}
 * @param archive its archive, such as {@code audit_log_archive}
 * @param timeColumn the column whose age decides, indexed in {@code table}
 * @param columns every column to copy, {@code id} included
 */
public record TableArchive(String table, String archive, String timeColumn, List<String> columns) {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

	public TableArchive {
		requireName(table);
		requireName(archive);
		requireName(timeColumn);
		columns = List.copyOf(columns);
		columns.forEach(TableArchive::requireName);
		if (!columns.contains("id") || !columns.contains(timeColumn)) {
			throw new IllegalArgumentException("The columns must include id and " + timeColumn);
		}
	}

	/**
	 * Counts the rows older than the cutoff, for progress reports.
	 * @param jdbc the database
	 * @param cutoff rows whose time is before this are due
	 * @return how many are due
	 */
	public long countDue(JdbcClient jdbc, Instant cutoff) {
		return jdbc.sql("select count(*) from " + this.table + " where " + this.timeColumn + " < :cutoff")
			.param("cutoff", Timestamps.of(cutoff))
			.query(Long.class)
			.single();
	}

	/**
	 * Moves the oldest due rows, at most {@code limit}, within the caller's transaction.
	 * @param jdbc the database
	 * @param cutoff rows whose time is before this are due
	 * @param archivedAt the time to stamp on the archived rows
	 * @param limit the most rows to move
	 * @return how many due rows the batch took: fewer than {@code limit} when none are
	 * left
	 * @throws IllegalTransactionStateException when no transaction is active
	 */
	public int moveBatch(JdbcClient jdbc, Instant cutoff, Instant archivedAt, int limit) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException("Rows must be copied and deleted in one transaction");
		}
		List<UUID> ids = jdbc
			.sql("select id from " + this.table + " where " + this.timeColumn + " < :cutoff order by " + this.timeColumn
					+ ", id limit :limit")
			.param("cutoff", Timestamps.of(cutoff))
			.param("limit", limit)
			.query(UUID.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		String columnList = String.join(", ", this.columns);
		jdbc.sql("insert into " + this.archive + " (" + columnList + ", archived_at) select " + columnList
				+ ", :archivedAt from " + this.table + " t where t.id in (:ids) and not exists (select 1 from "
				+ this.archive + " a where a.id = t.id)")
			.param("archivedAt", Timestamps.of(archivedAt))
			.param("ids", ids)
			.update();
		jdbc.sql("delete from " + this.table + " where id in (:ids)").param("ids", ids).update();
		return ids.size();
	}

	private static void requireName(String name) {
		Objects.requireNonNull(name, "name");
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain lower-case SQL name: " + name);
		}
	}

}
