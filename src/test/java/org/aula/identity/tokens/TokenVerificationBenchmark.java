package org.aula.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.aula.platform.revocation.RevocationStores;
import org.aula.platform.revocation.TokenRevocations;
import org.aula.testsupport.ExternalServices;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What verifying one access token costs each request: parsing, signature, claim checks
 * and the revocation check of its {@code jti} and family, with the in-memory store and
 * with the real Redis (on {@code AULA_TEST_REDIS_URL}, default local). Run it as
 * {@code docs/benchmarks.md} says; it is not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenVerificationBenchmark {

	@Param({ "HS256", "ES256", "RS256" })
	public String algorithm;

	@Param({ "memory", "redis" })
	public String store;

	private LettuceConnectionFactory redisConnections;

	private TokenRevocations revocations;

	private JwtDecoder decoder;

	private String token;

	@Setup(Level.Trial)
	public void setUp() throws JOSEException {
		SigningKeys keys = switch (this.algorithm) {
			case "HS256" -> SigningKeys.of(JWSAlgorithm.HS256,
					new OctetSequenceKey.Builder(
							"benchmark-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8))
						.build(),
					List.of());
			case "ES256" -> SigningKeys.of(JWSAlgorithm.ES256, new ECKeyGenerator(Curve.P_256).generate(), List.of());
			case "RS256" -> SigningKeys.of(JWSAlgorithm.RS256, new RSAKeyGenerator(2048).generate(), List.of());
			default -> throw new IllegalArgumentException(this.algorithm);
		};
		this.revocations = switch (this.store) {
			case "memory" -> RevocationStores.inMemory();
			case "redis" -> RevocationStores.redis(redis(), "aula-bench-" + UUID.randomUUID() + ":");
			default -> throw new IllegalArgumentException(this.store);
		};
		// A store holding other revocations, as in production, not an empty one.
		for (int i = 0; i < 1000; i++) {
			this.revocations.revoke("jti:" + UUID.randomUUID(), Instant.now().plus(Duration.ofMinutes(15)));
		}
		AccessTokenRevocations accessTokenRevocations = new AccessTokenRevocations(this.revocations,
				Duration.ofMinutes(15), Clock.systemUTC());
		this.decoder = AccessTokenDecoder.create(keys, "aula", accessTokenRevocations, Clock.systemUTC());
		this.token = new AccessTokens(keys, "aula", Duration.ofHours(1), Clock.systemUTC())
			.issue(UUID.randomUUID(), "STUDENT", UUID.randomUUID())
			.value();
	}

	private StringRedisTemplate redis() {
		this.redisConnections = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(ExternalServices.REDIS_URL),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		this.redisConnections.afterPropertiesSet();
		return new StringRedisTemplate(this.redisConnections);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		if (this.revocations instanceof AutoCloseable closeable) {
			closeable.close();
		}
		if (this.redisConnections != null) {
			this.redisConnections.destroy();
		}
	}

	@Benchmark
	public Jwt verify() {
		return this.decoder.decode(this.token);
	}

}
