package org.aula.catalog;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import org.aula.platform.web.FieldError;

/** The rules for a course's price: what {@code NUMERIC(10, 2)} holds, never negative. */
final class Prices {

	private static final BigDecimal LIMIT = new BigDecimal("100000000");

	private Prices() {
	}

	static boolean isCurrency(String code) {
		if (code == null || !code.matches("[A-Z]{3}")) {
			return false;
		}
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	static void check(BigDecimal price, List<FieldError> errors) {
		if (price.signum() < 0 || price.compareTo(LIMIT) >= 0 || price.stripTrailingZeros().scale() > 2) {
			errors.add(new FieldError("price", "must be between 0 and 99999999.99 with at most two decimals"));
		}
	}

	static void checkCurrency(String currency, List<FieldError> errors) {
		if (!isCurrency(currency)) {
			errors.add(new FieldError("currency", "must be an ISO 4217 code such as USD"));
		}
	}

}
