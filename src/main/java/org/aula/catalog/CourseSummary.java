package org.aula.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A course as the catalog list shows it. */
record CourseSummary(UUID id, String code, String title, String description, UUID teacherId, BigDecimal price,
		String currency, boolean published, Instant createdAt, Instant updatedAt) {
}
