package org.aula.certificates;

import java.time.ZoneId;

import org.aula.platform.config.InvalidPlatformConfiguration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Certificate settings.
 *
 * @param publicBaseUrl where users reach Aula: the base of the verification link printed
 * on every certificate ({@code <base>/certificates/<code>}, the web client's public
 * verification page); by default the same as {@code aula.identity.public-base-url}
 * @param timeZone the zone in which the completion date on a certificate is given
 */
@ConfigurationProperties("aula.certificates")
record CertificateSettings(@DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("UTC") ZoneId timeZone) {

	CertificateSettings {
		if (publicBaseUrl == null || !publicBaseUrl.matches("https?://[^\\s?#]+")) {
			throw new InvalidPlatformConfiguration(
					"aula.certificates.public-base-url must be an http(s) URL without query, not " + publicBaseUrl);
		}
		while (publicBaseUrl.endsWith("/")) {
			publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
		}
	}

	/**
	 * The public verification link of a certificate: the web client's page, which people
	 * read, rather than the JSON of {@code /api/certificates/<code>} that it shows.
	 */
	String verificationUrl(String code) {
		return this.publicBaseUrl + "/certificates/" + code;
	}

	/** The public download link of a certificate's PDF. */
	String pdfUrl(String code) {
		return this.publicBaseUrl + "/api/certificates/" + code + "/pdf";
	}

}
