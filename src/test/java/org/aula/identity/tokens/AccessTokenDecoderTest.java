package org.aula.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import org.aula.platform.revocation.RevocationStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issuing and verifying without the web layer, for every algorithm; the HTTP answers are
 * covered by {@code AccessTokenVerificationIT}.
 */
class AccessTokenDecoderTest {

	private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!!";

	@TempDir
	Path directory;

	private final AccessTokenRevocations revocations = new AccessTokenRevocations(RevocationStores.inMemory(),
			Duration.ofMinutes(15), Clock.systemUTC());

	@ParameterizedTest
	@ValueSource(strings = { "HS256", "ES256", "RS256" })
	void verifiesWhatItIssuedAndReadsEveryClaim(String algorithm) {
		SigningKeys keys = keys(algorithm);
		UUID userId = UUID.randomUUID();
		UUID familyId = UUID.randomUUID();

		AccessToken token = issuer(keys).issue(userId, "TEACHER", familyId);
		Jwt jwt = decoder(keys).decode(token.value());

		assertThat(jwt.getHeaders()).containsEntry("alg", algorithm)
			.containsEntry("typ", "at+jwt")
			.containsEntry("kid", keys.currentKeyId());
		assertThat(jwt.getSubject()).isEqualTo(userId.toString());
		assertThat(jwt.getClaimAsString("role")).isEqualTo("TEACHER");
		assertThat(jwt.getClaimAsString("fid")).isEqualTo(familyId.toString());
		assertThat(jwt.getId()).isEqualTo(token.tokenId());
		assertThat(jwt.getClaimAsString("iss")).isEqualTo("aula");
		assertThat(jwt.getIssuedAt()).isEqualTo(token.issuedAt());
		assertThat(jwt.getExpiresAt()).isEqualTo(token.expiresAt()).isEqualTo(token.issuedAt().plusSeconds(900));
		assertThat(token.toString()).doesNotContain(token.value());
	}

	@Test
	void aTokenOfThePreviousKeyIsAcceptedDuringARotation() {
		String previous = "the-secret-before-the-last-rotation!!!!";
		SigningKeys before = SigningKeyLoader.load(settings(previous, null), false);
		SigningKeys after = SigningKeyLoader.load(settings(SECRET, previous), false);
		AccessToken issuedBefore = issuer(before).issue(UUID.randomUUID(), "STUDENT", UUID.randomUUID());

		assertThat(decoder(after).decode(issuedBefore.value()).getId()).isEqualTo(issuedBefore.tokenId());
		assertThat(issuer(after).issue(UUID.randomUUID(), "STUDENT", UUID.randomUUID()).value())
			.satisfies((token) -> assertThat(decoder(after).decode(token).getHeaders()).containsEntry("kid",
					HandMadeTokens.hmacKeyId(SECRET)));
		assertThatThrownBy(() -> decoder(before)
			.decode(issuer(after).issue(UUID.randomUUID(), "STUDENT", UUID.randomUUID()).value()))
			.isInstanceOf(JwtException.class);
	}

	@Test
	void refusesAnHs256TokenSignedWithTheRsaPublicKeyWhenRs256IsConfigured() throws Exception {
		SigningKeys keys = keys("RS256");
		byte[] publicKeyAsSecret = keys.verificationKeys().getKeys().getFirst().toRSAKey().toPublicKey().getEncoded();
		String forged = HandMadeTokens.sign(HandMadeTokens.header(JWSAlgorithm.HS256, keys.currentKeyId()).build(),
				HandMadeTokens.validClaims().build(), new MACSigner(publicKeyAsSecret));

		assertThatThrownBy(() -> decoder(keys).decode(forged)).isInstanceOf(JwtException.class);
	}

	@Test
	void refusesTokensThatAreNotProperlySignedByAConfiguredKey() {
		SigningKeys keys = keys("HS256");
		JwtDecoder decoder = decoder(keys);
		JWTClaimsSet claims = HandMadeTokens.validClaims().build();
		String valid = HandMadeTokens.hs256(SECRET, claims);
		assertThat(decoder.decode(valid).getId()).isEqualTo(claims.getJWTID());

		assertRefused(decoder, HandMadeTokens.unsigned(keys.currentKeyId(), claims), "alg none");
		assertRefused(decoder,
				HandMadeTokens.hs256("another-secret-of-at-least-32-bytes!!!", keys.currentKeyId(), claims),
				"wrong key, right kid");
		assertRefused(decoder, HandMadeTokens.hs256(SECRET, "unknown-key-id00", claims), "unknown kid");
		assertRefused(decoder,
				HandMadeTokens.withPayload(valid, new JWTClaimsSet.Builder(claims).claim("role", "ADMIN2").build()),
				"tampered payload");
		assertRefused(decoder, withoutKeyId(claims), "no kid");
		assertRefused(decoder, withType(claims, JOSEObjectType.JWT), "typ JWT");
		assertRefused(decoder, keyPairToken(claims), "ES256 when HS256 is configured");
	}

	@Test
	void refusesExpiredTokensButToleratesThirtySecondsOfClockSkew() {
		JwtDecoder decoder = decoder(keys("HS256"));
		Instant now = Instant.now();

		assertThat(decoder.decode(HandMadeTokens.hs256(SECRET,
				HandMadeTokens.validClaims()
					.issueTime(Date.from(now.minusSeconds(900)))
					.expirationTime(Date.from(now.minusSeconds(20)))
					.build())))
			.isNotNull();
		assertRefused(decoder,
				HandMadeTokens.hs256(SECRET,
						HandMadeTokens.validClaims()
							.issueTime(Date.from(now.minusSeconds(960)))
							.expirationTime(Date.from(now.minusSeconds(60)))
							.build()),
				"expired");
		assertRefused(decoder,
				HandMadeTokens.hs256(SECRET,
						HandMadeTokens.validClaims().notBeforeTime(Date.from(now.plusSeconds(120))).build()),
				"not yet valid");
	}

	@Test
	void refusesTokensWithAnotherIssuerOrWithoutTheClaimsAulaRelies() {
		JwtDecoder decoder = decoder(keys("HS256"));

		assertRefused(decoder, HandMadeTokens.hs256(SECRET, HandMadeTokens.validClaims().issuer("elsewhere").build()),
				"issuer");
		for (String claim : new String[] { "sub", "jti", "role", "fid", "exp" }) {
			assertRefused(decoder,
					HandMadeTokens.hs256(SECRET, HandMadeTokens.validClaims().claim(claim, null).build()),
					"without " + claim);
		}
		assertRefused(decoder,
				HandMadeTokens.hs256(SECRET, HandMadeTokens.validClaims().claim("fid", "family").build()),
				"fid not a UUID");
	}

	@Test
	void refusesARevokedTokenAndEveryTokenOfARevokedFamilyAtOnce() {
		SigningKeys keys = keys("HS256");
		JwtDecoder decoder = decoder(keys);
		AccessTokens issuer = issuer(keys);
		UUID family = UUID.randomUUID();
		AccessToken revoked = issuer.issue(UUID.randomUUID(), "STUDENT", UUID.randomUUID());
		AccessToken sibling = issuer.issue(UUID.randomUUID(), "STUDENT", UUID.randomUUID());
		AccessToken first = issuer.issue(UUID.randomUUID(), "STUDENT", family);
		AccessToken second = issuer.issue(UUID.randomUUID(), "STUDENT", family);

		this.revocations.revokeToken(revoked.tokenId(), revoked.expiresAt());
		this.revocations.revokeFamily(family);

		assertRefused(decoder, revoked.value(), "revoked token");
		assertRefused(decoder, first.value(), "revoked family");
		assertRefused(decoder, second.value(), "revoked family");
		assertThat(decoder.decode(sibling.value()).getId()).isEqualTo(sibling.tokenId());
	}

	@Test
	void refusesToIssueWithoutARole() {
		AccessTokens issuer = issuer(keys("HS256"));

		assertThatThrownBy(() -> issuer.issue(UUID.randomUUID(), " ", UUID.randomUUID()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static void assertRefused(JwtDecoder decoder, String token, String why) {
		assertThatExceptionOfType(JwtException.class).as(why).isThrownBy(() -> decoder.decode(token));
	}

	private static String withoutKeyId(JWTClaimsSet claims) {
		try {
			return HandMadeTokens.sign(HandMadeTokens.header(JWSAlgorithm.HS256, null).build(), claims,
					new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
		}
		catch (com.nimbusds.jose.KeyLengthException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String withType(JWTClaimsSet claims, JOSEObjectType type) {
		try {
			return HandMadeTokens.sign(
					HandMadeTokens.header(JWSAlgorithm.HS256, HandMadeTokens.hmacKeyId(SECRET)).type(type).build(),
					claims, new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
		}
		catch (com.nimbusds.jose.KeyLengthException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String keyPairToken(JWTClaimsSet claims) {
		SigningKeys ec = keys("ES256");
		return HandMadeTokens.sign(HandMadeTokens.header(JWSAlgorithm.ES256, HandMadeTokens.hmacKeyId(SECRET)).build(),
				claims, ec.signer());
	}

	private SigningKeys keys(String algorithm) {
		return switch (algorithm) {
			case "HS256" -> SigningKeyLoader.load(settings(SECRET, null), false);
			case "ES256" -> pair(HandMadeTokens.writePem(HandMadeTokens.ecKeyPair("secp256r1"), this.directory, "ec"));
			case "RS256" -> pair(HandMadeTokens.writePem(HandMadeTokens.rsaKeyPair(2048), this.directory, "rsa"));
			default -> throw new IllegalArgumentException(algorithm);
		};
	}

	private SigningKeys pair(HandMadeTokens.PemFiles files) {
		return SigningKeyLoader.load(new TokenSettings(Duration.ofMinutes(15), "aula", null, null, files.privateKey(),
				files.publicKey(), null, this.directory), false);
	}

	private TokenSettings settings(String secret, String previous) {
		return new TokenSettings(Duration.ofMinutes(15), "aula", secret, previous, null, null, null, this.directory);
	}

	private static AccessTokens issuer(SigningKeys keys) {
		return new AccessTokens(keys, "aula", Duration.ofMinutes(15), Clock.systemUTC());
	}

	private JwtDecoder decoder(SigningKeys keys) {
		return AccessTokenDecoder.create(keys, "aula", this.revocations, Clock.systemUTC());
	}

}
