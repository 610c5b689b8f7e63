package org.aula.identity.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The claims of a well-signed token: issuer, {@code exp} and {@code nbf} within the clock
 * skew, every claim Aula relies on present, and neither the token nor its family revoked.
 * The revocation check, the only one that may leave the process, runs last and only for a
 * token that passed everything else.
 */
final class AccessTokenValidator implements OAuth2TokenValidator<Jwt> {

	// No iat: Spring derives a missing one from exp, so its absence cannot be seen here;
	// nothing relies on it.
	private static final List<String> REQUIRED = List.of(JwtClaimNames.SUB, JwtClaimNames.JTI, AccessTokens.ROLE,
			AccessTokens.FAMILY, JwtClaimNames.EXP);

	private static final OAuth2TokenValidatorResult REVOKED = OAuth2TokenValidatorResult
		.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has been revoked", null));

	private final List<OAuth2TokenValidator<Jwt>> claims;

	private final AccessTokenRevocations revocations;

	AccessTokenValidator(String issuer, Duration clockSkew, Clock clock, AccessTokenRevocations revocations) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
		timestamps.setClock(clock);
		timestamps.setAllowEmptyExpiryClaim(false);
		this.claims = List.of(timestamps, new JwtIssuerValidator(issuer));
		this.revocations = revocations;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		for (String claim : REQUIRED) {
			Object value = jwt.getClaims().get(claim);
			if (value == null || value.toString().isBlank()) {
				return invalid("The token has no " + claim + " claim");
			}
		}
		if (!isUuid(jwt.getClaimAsString(AccessTokens.FAMILY))) {
			return invalid("The token's fid claim is not a family id");
		}
		for (OAuth2TokenValidator<Jwt> validator : this.claims) {
			OAuth2TokenValidatorResult result = validator.validate(jwt);
			if (result.hasErrors()) {
				return result;
			}
		}
		if (this.revocations.isRevoked(jwt.getId(), jwt.getClaimAsString(AccessTokens.FAMILY))) {
			return REVOKED;
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static boolean isUuid(String value) {
		try {
			UUID.fromString(value);
			return value.length() == 36;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static OAuth2TokenValidatorResult invalid(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
