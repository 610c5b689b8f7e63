package org.aula.platform.seeding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inserts generated rows fast: many rows per statement and many statements per
 * transaction, instead of one round trip per row. Rows that are already there (same key)
 * are skipped, which makes a repeated seed run create nothing.
 */
@Component
public class SeedRows {

	private static final int ROWS_PER_TRANSACTION = 5_000;

	// PostgreSQL takes at most 65,535 parameters in one statement.
	private static final int MAX_PARAMETERS = 30_000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	SeedRows(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * @param table the table
	 * @param columns its columns, in the order of each row's values
	 * @param rows the rows, produced lazily so that millions need not be held at once
	 * @return rows inserted; rows whose key existed are not counted
	 */
	public long insert(String table, List<String> columns, Stream<Object[]> rows) {
		int perStatement = Math.min(500, MAX_PARAMETERS / columns.size());
		String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
		String tuple = "(" + String.join(", ", columns.stream().map((column) -> "?").toList()) + ")";
		long inserted = 0;
		Iterator<Object[]> iterator = rows.iterator();
		List<Object[]> chunk = new ArrayList<>(ROWS_PER_TRANSACTION);
		while (iterator.hasNext()) {
			chunk.add(iterator.next());
			if (chunk.size() == ROWS_PER_TRANSACTION || !iterator.hasNext()) {
				inserted += insertChunk(head, tuple, perStatement, columns.size(), chunk);
				chunk.clear();
			}
		}
		return inserted;
	}

	private static String statement(String head, String tuple, int rows) {
		return head + String.join(", ", Collections.nCopies(rows, tuple)) + " ON CONFLICT DO NOTHING";
	}

	private long insertChunk(String head, String tuple, int perStatement, int width, List<Object[]> chunk) {
		// Every statement but a chunk's last has the full number of rows: build that text
		// once.
		String full = statement(head, tuple, perStatement);
		Long inserted = this.transactions.execute((status) -> {
			long count = 0;
			for (int from = 0; from < chunk.size(); from += perStatement) {
				List<Object[]> part = chunk.subList(from, Math.min(chunk.size(), from + perStatement));
				Object[] arguments = new Object[part.size() * width];
				for (int row = 0; row < part.size(); row++) {
					System.arraycopy(part.get(row), 0, arguments, row * width, width);
				}
				String sql = (part.size() == perStatement) ? full : statement(head, tuple, part.size());
				count += this.jdbc.update(sql, arguments);
			}
			return count;
		});
		return (inserted != null) ? inserted : 0;
	}

}
