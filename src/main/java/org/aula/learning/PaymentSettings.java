package org.aula.learning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aula.payments.*}.
 *
 * @param manual the built-in provider for demos and tests
 */
@ConfigurationProperties("aula.payments")
record PaymentSettings(@DefaultValue Manual manual) {

	/**
	 * @param decline whether every charge is declined (to try the unhappy path)
	 */
	record Manual(@DefaultValue("false") boolean decline) {
	}

}
