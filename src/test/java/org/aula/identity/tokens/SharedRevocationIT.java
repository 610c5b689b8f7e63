package org.aula.identity.tokens;

import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.aula.identity.tokens.AccessTokenVerificationIT.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing PostgreSQL and Redis, as behind a load balancer: a token issued
 * by one is good on the other, and a revocation made on one is honoured by the other at
 * the very next request.
 */
@RequiresPostgres
@RequiresRedis
class SharedRevocationIT {

	static RunningAula a;

	static RunningAula b;

	@BeforeAll
	static void start() {
		Map<String, String> shared = RunningAula.sharedServices();
		a = RunningAula.start(shared);
		b = RunningAula.start(shared);
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@Test
	void aTokenRevokedThroughOneInstanceIsRefusedByTheOtherImmediately() {
		AccessToken token = a.bean(AccessTokens.class).issue(UUID.randomUUID(), "ADMIN", UUID.randomUUID());
		assertThat(admin(b, token.value()).status()).isEqualTo(200);

		a.bean(AccessTokenRevocations.class).revokeToken(token.tokenId(), token.expiresAt());

		assertUnauthorized(admin(b, token.value()));
		assertUnauthorized(admin(a, token.value()));
	}

	@Test
	void aFamilyRevokedThroughOneInstanceIsRefusedByTheOtherImmediately() {
		UUID family = UUID.randomUUID();
		AccessToken token = b.bean(AccessTokens.class).issue(UUID.randomUUID(), "ADMIN", family);
		assertThat(admin(a, token.value()).status()).isEqualTo(200);

		b.bean(AccessTokenRevocations.class).revokeFamily(family);

		assertUnauthorized(admin(a, token.value()));
	}

	private static Response admin(RunningAula aula, String token) {
		return aula.http().get("/api/test/admin", "Authorization", "Bearer " + token);
	}

}
