package org.aula.learning;

import org.aula.platform.jdbc.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sales} table: one row per paid enrolment. */
@Repository
class Sales {

	private final JdbcClient jdbc;

	Sales(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Sale sale) {
		this.jdbc
			.sql("INSERT INTO sales (id, enrolment_id, amount, currency, provider, provider_reference, status,"
					+ " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(sale.id(), sale.enrolmentId(), sale.amount(), sale.currency(), sale.provider(),
					sale.providerReference(), sale.status(), Timestamps.of(sale.createdAt()))
			.update();
	}

	/**
	 * A purchase.
	 *
	 * @param status {@code COMPLETED}, or {@code PENDING} while a provider confirms later
	 */
	record Sale(UUID id, UUID enrolmentId, BigDecimal amount, String currency, String provider,
			String providerReference, String status, Instant createdAt) {
	}

}
