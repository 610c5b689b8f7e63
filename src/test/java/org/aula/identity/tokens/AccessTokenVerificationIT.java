package org.aula.identity.tokens;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens through the whole server, on an admin-only endpoint: what Aula issued is
 * let in, including tokens of the key in use before a rotation; everything forged,
 * expired, unknown or revoked is a 401 problem.
 */
@EmbeddedAulaTest
@TestPropertySource(properties = "aula.tokens.jwt-previous-secret=" + AccessTokenVerificationIT.PREVIOUS_SECRET)
class AccessTokenVerificationIT {

	static final String PREVIOUS_SECRET = "the-secret-aula-used-before-the-rotation";

	@LocalServerPort
	int port;

	@Autowired
	AccessTokens accessTokens;

	@Autowired
	AccessTokenRevocations revocations;

	HttpApi http;

	@BeforeEach
	void connect() {
		this.http = new HttpApi(this.port);
	}

	@Test
	void aTokenAulaIssuedIsLetIn() {
		AccessToken token = this.accessTokens.issue(UUID.randomUUID(), "ADMIN", UUID.randomUUID());

		assertThat(admin(token.value()).status()).isEqualTo(200);
		assertThat(admin(TestTokens.accessToken("ADMIN")).status()).isEqualTo(200);
	}

	@Test
	void aTokenOfTheRoleBelowIsForbiddenNotUnauthorized() {
		Response response = admin(this.accessTokens.issue(UUID.randomUUID(), "STUDENT", UUID.randomUUID()).value());

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void aTokenSignedWithThePreviousKeyIsStillAcceptedDuringTheRotation() {
		String token = HandMadeTokens.hs256(PREVIOUS_SECRET, HandMadeTokens.validClaims().build());

		assertThat(admin(token).status()).isEqualTo(200);
	}

	@Test
	void aTamperedPayloadIsRefused() {
		String student = this.accessTokens.issue(UUID.randomUUID(), "STUDENT", UUID.randomUUID()).value();
		JWTClaimsSet promoted = HandMadeTokens.validClaims().claim("role", "ADMIN").build();

		assertUnauthorized(admin(HandMadeTokens.withPayload(student, promoted)));
	}

	@Test
	void anExpiredTokenIsRefused() {
		Instant now = Instant.now();
		JWTClaimsSet expired = HandMadeTokens.validClaims()
			.issueTime(Date.from(now.minusSeconds(1000)))
			.expirationTime(Date.from(now.minusSeconds(100)))
			.build();

		assertUnauthorized(admin(HandMadeTokens.hs256(TestTokens.SECRET, expired)));
	}

	@Test
	void aTokenSignedWithAnotherKeyIsRefusedEvenWithTheRightKeyId() {
		String token = HandMadeTokens.hs256("somebody-else's-secret-of-32-bytes-or-more",
				HandMadeTokens.hmacKeyId(TestTokens.SECRET), HandMadeTokens.validClaims().build());

		assertUnauthorized(admin(token));
	}

	@Test
	void aTokenNamingAnUnknownKeyIsRefused() {
		assertUnauthorized(admin(
				HandMadeTokens.hs256(TestTokens.SECRET, "no-such-key-id00", HandMadeTokens.validClaims().build())));
	}

	@Test
	void anUnsignedTokenIsRefused() {
		assertUnauthorized(admin(HandMadeTokens.unsigned(HandMadeTokens.hmacKeyId(TestTokens.SECRET),
				HandMadeTokens.validClaims().build())));
	}

	@Test
	void aRevokedTokenIsRefusedAtOnceWhileOthersStillWork() {
		AccessToken revoked = this.accessTokens.issue(UUID.randomUUID(), "ADMIN", UUID.randomUUID());
		AccessToken other = this.accessTokens.issue(UUID.randomUUID(), "ADMIN", UUID.randomUUID());
		assertThat(admin(revoked.value()).status()).isEqualTo(200);

		this.revocations.revokeToken(revoked.tokenId(), revoked.expiresAt());

		assertUnauthorized(admin(revoked.value()));
		assertThat(admin(other.value()).status()).isEqualTo(200);
	}

	@Test
	void everyTokenOfARevokedFamilyIsRefusedAtOnce() {
		UUID family = UUID.randomUUID();
		AccessToken first = this.accessTokens.issue(UUID.randomUUID(), "ADMIN", family);
		AccessToken second = this.accessTokens.issue(UUID.randomUUID(), "ADMIN", family);
		AccessToken otherFamily = this.accessTokens.issue(UUID.randomUUID(), "ADMIN", UUID.randomUUID());

		this.revocations.revokeFamily(family);

		assertUnauthorized(admin(first.value()));
		assertUnauthorized(admin(second.value()));
		assertThat(admin(otherFamily.value()).status()).isEqualTo(200);
	}

	@Test
	void aTokenWithoutTheClaimsAulaReliesOnIsRefused() {
		assertUnauthorized(admin(
				HandMadeTokens.hs256(TestTokens.SECRET, HandMadeTokens.validClaims().claim("fid", null).build())));
		assertUnauthorized(admin(
				HandMadeTokens.hs256(TestTokens.SECRET, HandMadeTokens.validClaims().issuer("someone-else").build())));
	}

	private Response admin(String token) {
		return this.http.get("/api/test/admin", "Authorization", "Bearer " + token);
	}

	static void assertUnauthorized(Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:unauthorized");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
	}

}
