package org.aula.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A course as other modules see it.
 *
 * @param id course id
 * @param code unique public code such as {@code MAT-101}
 * @param title title
 * @param teacherId the owning teacher's user id
 * @param price price, zero for a free course
 * @param currency ISO 4217 code of the price
 * @param published whether students can see and join it
 */
public record CourseRef(UUID id, String code, String title, UUID teacherId, BigDecimal price, String currency,
		boolean published) {

	public boolean isFree() {
		return this.price.signum() == 0;
	}

}
