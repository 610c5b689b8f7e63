package org.aula.catalog;

import java.time.Duration;

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
 * @param linkTtl how long a signed {@code /api/media} link works without a bearer token
 */
@ConfigurationProperties("aula.media")
record MediaSettings(@DefaultValue("200MB") DataSize maxUploadSize, String publicBaseUrl,
		@DefaultValue("2h") Duration linkTtl) {

	MediaSettings {
		if (linkTtl.isNegative() || linkTtl.isZero()) {
			throw new InvalidPlatformConfiguration("aula.media.link-ttl must be positive, not " + linkTtl);
		}
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
