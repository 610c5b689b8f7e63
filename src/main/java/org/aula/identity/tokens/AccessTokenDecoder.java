package org.aula.identity.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the decoder every request's bearer token goes through. Nimbus accepts only the
 * configured algorithm, a {@code kid} naming one of the configured keys, and
 * {@code typ: at+jwt}; so {@code alg: none}, another algorithm (an HS256 token signed
 * with an RS256 public key included), an unknown or missing {@code kid} and a bad
 * signature all fail before any claim is read. {@link AccessTokenValidator} then checks
 * the claims.
 */
final class AccessTokenDecoder {

	/** How far clocks of instances and Redis may disagree when checking times. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private AccessTokenDecoder() {
	}

	static JwtDecoder create(SigningKeys keys, String issuer, AccessTokenRevocations revocations, Clock clock) {
		JWSAlgorithm algorithm = keys.algorithm();
		JWSKeySelector<SecurityContext> byKeyId = new JWSVerificationKeySelector<>(algorithm,
				new ImmutableJWKSet<>(keys.verificationKeys()));
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AccessTokens.TYPE));
		// Without a kid Nimbus would try every key; Aula's tokens always name theirs.
		processor.setJWSKeySelector((JWSHeader header, SecurityContext context) -> (header.getKeyID() == null)
				? List.of() : byKeyId.selectJWSKeys(header, context));
		// Claims are checked by AccessTokenValidator, with Spring's error reporting.
		processor.setJWTClaimsSetVerifier((claims, context) -> {
		});
		NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
		decoder.setJwtValidator(new AccessTokenValidator(issuer, CLOCK_SKEW, clock, revocations));
		return decoder;
	}

}
