package org.aula.learning;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LearningEmailsTest {

	@ParameterizedTest
	@CsvSource({ "49.9, EUR, 49.90", "49.900, EUR, 49.90", "5000, JPY, 5000", "10.125, USD, 10.125", "0.5, BHD, 0.500",
			"12, XXZ, 12.00" })
	void amountShowsTheCurrencysDecimalsWithoutLosingAny(String amount, String currency, String shown) {
		assertThat(LearningEmails.amount(new BigDecimal(amount), currency)).isEqualTo(shown);
	}

}
