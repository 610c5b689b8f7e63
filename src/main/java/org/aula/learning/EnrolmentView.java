package org.aula.learning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.aula.catalog.CourseRef;

/**
 * An enrolment as its student (or the admin who created it) sees it.
 *
 * @param sale the purchase, or null for a free course or an admin enrolment
 */
record EnrolmentView(UUID id, UUID studentId, String courseCode, String courseTitle, Enrolment.Status status,
		Enrolment.Source source, Instant createdAt, SaleView sale) {

	static EnrolmentView of(Enrolment enrolment, CourseRef course, Sales.Sale sale) {
		return new EnrolmentView(enrolment.id(), enrolment.studentId(), course.code(), course.title(),
				enrolment.status(), enrolment.source(), enrolment.createdAt(),
				(sale != null) ? new SaleView(sale.id(), sale.amount(), sale.currency(), sale.provider(),
						sale.providerReference(), sale.status()) : null);
	}

	record SaleView(UUID id, BigDecimal amount, String currency, String provider, String providerReference,
			String status) {
	}

}
