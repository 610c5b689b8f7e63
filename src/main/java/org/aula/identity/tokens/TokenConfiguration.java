package org.aula.identity.tokens;

import java.time.Clock;

import org.aula.platform.revocation.TokenRevocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenSettings.class)
class TokenConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(TokenConfiguration.class);

	@Bean
	SigningKeys accessTokenSigningKeys(TokenSettings settings, @Value("${aula.embedded:false}") boolean embedded) {
		SigningKeys keys = SigningKeyLoader.load(settings, embedded);
		logger.info("Access tokens: {}, valid for {}", keys, settings.accessTokenTtl());
		return keys;
	}

	@Bean
	AccessTokens accessTokens(SigningKeys keys, TokenSettings settings) {
		return new AccessTokens(keys, settings.issuer(), settings.accessTokenTtl(), Clock.systemUTC());
	}

	@Bean
	AccessTokenRevocations accessTokenRevocations(TokenRevocations revocations, TokenSettings settings) {
		return new AccessTokenRevocations(revocations, settings.accessTokenTtl(), Clock.systemUTC());
	}

	@Bean
	JwtDecoder accessTokenDecoder(SigningKeys keys, TokenSettings settings, AccessTokenRevocations revocations) {
		return AccessTokenDecoder.create(keys, settings.issuer(), revocations, Clock.systemUTC());
	}

}
