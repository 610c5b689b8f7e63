package org.aula.learning;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Approves every charge without moving money (or declines every one when
 * {@code aula.payments.manual.decline=true}): for demos, tests, and schools that collect
 * fees elsewhere.
 */
@Component
class ManualPaymentProvider implements PaymentProvider {

	private final boolean decline;

	ManualPaymentProvider(PaymentSettings settings) {
		this.decline = settings.manual().decline();
	}

	@Override
	public String name() {
		return "manual";
	}

	@Override
	public PaymentResult charge(PaymentRequest request) {
		if (this.decline) {
			return PaymentResult.declined("the manual provider is set to decline every charge");
		}
		return PaymentResult.approved("manual-" + UUID.randomUUID());
	}

}
