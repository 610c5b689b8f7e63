package org.aula.catalog;

import org.aula.platform.config.InvalidPlatformConfiguration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Lesson media settings. Where files are stored ({@code aula.media.directory}) belongs to
 * the platform's media store.
 *
 * @param maxUploadSize the largest upload accepted; Spring's multipart limits are set
 * from it in {@code application.yaml}
 * @param publicBaseUrl when set, media links point there ({@code <base>/<sha256>}), e.g.
 * a CDN in front of the store, instead of {@code /api/media/<sha256>}
 */
@ConfigurationProperties("aula.media")
record MediaSettings(@DefaultValue("200MB") DataSize maxUploadSize, String publicBaseUrl) {

	MediaSettings {
		if (publicBaseUrl != null && publicBaseUrl.isBlank()) {
			publicBaseUrl = null;
		}
		if (publicBaseUrl != null && !publicBaseUrl.matches("https?://[^\\s?#]+")) {
			throw new InvalidPlatformConfiguration(
					"aula.media.public-base-url must be an http(s) URL without query, not " + publicBaseUrl);
		}
		if (publicBaseUrl != null && publicBaseUrl.endsWith("/")) {
			publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
		}
	}

}
