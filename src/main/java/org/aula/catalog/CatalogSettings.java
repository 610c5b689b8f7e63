package org.aula.catalog;

import org.aula.platform.config.InvalidPlatformConfiguration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Catalog settings.
 *
 * @param defaultCurrency ISO 4217 code of a new course's price when none is given
 */
@ConfigurationProperties("aula.catalog")
record CatalogSettings(@DefaultValue("USD") String defaultCurrency) {

	CatalogSettings {
		if (!Prices.isCurrency(defaultCurrency)) {
			throw new InvalidPlatformConfiguration(
					"aula.catalog.default-currency must be an ISO 4217 code such as USD, not " + defaultCurrency);
		}
	}

}
