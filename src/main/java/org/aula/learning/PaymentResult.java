package org.aula.learning;

/**
 * What the provider answered.
 *
 * @param approved whether the money was taken
 * @param providerReference the provider's id for the charge when approved
 * @param declineReason why not, when declined
 */
record PaymentResult(boolean approved, String providerReference, String declineReason) {

	static PaymentResult approved(String providerReference) {
		return new PaymentResult(true, providerReference, null);
	}

	static PaymentResult declined(String reason) {
		return new PaymentResult(false, null, reason);
	}

}
