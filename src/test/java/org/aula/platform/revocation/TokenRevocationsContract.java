package org.aula.platform.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link TokenRevocations} must do, whichever store holds the revocations.
 */
abstract class TokenRevocationsContract {

	TokenRevocations revocations;

	abstract TokenRevocations createRevocations();

	@BeforeEach
	void createRevocationsUnderTest() {
		this.revocations = createRevocations();
	}

	static String tokenId() {
		return UUID.randomUUID().toString();
	}

	@Test
	void aRevokedTokenIsRevoked() {
		String tokenId = tokenId();

		this.revocations.revoke(tokenId, Instant.now().plus(Duration.ofMinutes(15)));

		assertThat(this.revocations.isRevoked(tokenId)).isTrue();
	}

	@Test
	void anUnknownTokenIsNotRevoked() {
		this.revocations.revoke(tokenId(), Instant.now().plus(Duration.ofMinutes(15)));

		assertThat(this.revocations.isRevoked(tokenId())).isFalse();
	}

	@Test
	void aRevocationIsForgottenOnceTheTokenHasExpired() {
		String tokenId = tokenId();

		this.revocations.revoke(tokenId, Instant.now().plus(Duration.ofMillis(500)));

		assertThat(this.revocations.isRevoked(tokenId)).isTrue();
		await().atMost(Duration.ofSeconds(3)).until(() -> !this.revocations.isRevoked(tokenId));
	}

	@Test
	void revokingAnAlreadyExpiredTokenDoesNothing() {
		String tokenId = tokenId();

		this.revocations.revoke(tokenId, Instant.now().minus(Duration.ofSeconds(1)));

		assertThat(this.revocations.isRevoked(tokenId)).isFalse();
	}

	@Test
	void anyOfSeveralIdsIsRevokedWhenOneIs() {
		String revoked = tokenId();

		this.revocations.revoke(revoked, Instant.now().plus(Duration.ofMinutes(15)));

		assertThat(this.revocations.isAnyRevoked(tokenId(), revoked)).isTrue();
		assertThat(this.revocations.isAnyRevoked(revoked, tokenId())).isTrue();
	}

	@Test
	void noneOfSeveralIdsIsRevokedWhenNoneIs() {
		this.revocations.revoke(tokenId(), Instant.now().plus(Duration.ofMinutes(15)));

		assertThat(this.revocations.isAnyRevoked(tokenId(), tokenId())).isFalse();
	}

	@Test
	void noIdsAtAllAreNotRevoked() {
		assertThat(this.revocations.isAnyRevoked()).isFalse();
	}

	@Test
	void anExpiredRevocationNoLongerCountsAmongSeveral() {
		String tokenId = tokenId();

		this.revocations.revoke(tokenId, Instant.now().plus(Duration.ofMillis(500)));

		await().atMost(Duration.ofSeconds(3)).until(() -> !this.revocations.isAnyRevoked(tokenId(), tokenId));
	}

}
