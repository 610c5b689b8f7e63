package org.aula.learning;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One charge.
 *
 * @param enrolmentId the enrolment being paid for
 * @param studentId who pays
 * @param courseId what for
 * @param amount how much, positive
 * @param currency ISO 4217 code
 * @param paymentToken what the client obtained from the provider (a card token), or null
 * @param idempotencyKey the client's key for this purchase
 */
record PaymentRequest(UUID enrolmentId, UUID studentId, UUID courseId, BigDecimal amount, String currency,
		String paymentToken, String idempotencyKey) {
}
