package org.aula.learning;

/**
 * Takes a student's money for a course. An implementation talks to one payment service;
 * the reference it returns is stored with the sale and unique per provider, so a later
 * webhook from the provider finds its sale.
 */
interface PaymentProvider {

	/**
	 * @return the provider's name as stored with each sale, e.g. {@code manual}
	 */
	String name();

	/**
	 * Charges once. Called inside the enrolment's transaction after the enrolment row is
	 * written, so two requests for one student and course never both reach the provider;
	 * {@link PaymentRequest#idempotencyKey()} lets a provider that supports it
	 * deduplicate retries on its side too.
	 * @param request what to charge
	 * @return approved with a reference, or declined with a reason; never null
	 */
	PaymentResult charge(PaymentRequest request);

}
