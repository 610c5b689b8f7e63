package org.aula.certificates;

import java.security.SecureRandom;

import org.aula.platform.security.PublicEndpoints;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateSettings.class)
class CertificatesConfiguration {

	/**
	 * Anyone handed a certificate may check it and download its PDF: the code, 80 random
	 * bits, is what proves they were handed it.
	 */
	@Bean
	PublicEndpoints certificatesPublicEndpoints() {
		return PublicEndpoints.of(PublicEndpoints.get("/api/certificates/*"),
				PublicEndpoints.get("/api/certificates/*/pdf"));
	}

	@Bean
	CertificateCodes certificateCodes() {
		return new CertificateCodes(new SecureRandom());
	}

	@Bean
	CertificatePdf certificatePdf() {
		return new CertificatePdf();
	}

}
