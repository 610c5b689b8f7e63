package org.aula.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens built by hand, the way an attacker or a buggy client would: any header, any
 * claims, any key. Starts from what a valid Aula token holds, so each test changes only
 * what it is about.
 */
final class HandMadeTokens {

	private HandMadeTokens() {
	}

	static JWTClaimsSet.Builder validClaims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer("aula")
			.subject(UUID.randomUUID().toString())
			.claim("role", "ADMIN")
			.jwtID(UUID.randomUUID().toString())
			.claim("fid", UUID.randomUUID().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
	}

	static JWSHeader.Builder header(JWSAlgorithm algorithm, String keyId) {
		return new JWSHeader.Builder(algorithm).type(new JOSEObjectType("at+jwt")).keyID(keyId);
	}

	static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	/** Signed with HS256 and the {@code kid} Aula gives the secret. */
	static String hs256(String secret, JWTClaimsSet claims) {
		return hs256(secret, hmacKeyId(secret), claims);
	}

	static String hs256(String secret, String keyId, JWTClaimsSet claims) {
		try {
			return sign(header(JWSAlgorithm.HS256, keyId).build(), claims,
					new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hmacKeyId(String secret) {
		return SigningKeys.keyId(new OctetSequenceKey.Builder(secret.getBytes(StandardCharsets.UTF_8)).build());
	}

	/** An unsecured JWT: {@code alg: none} and no signature at all. */
	static String unsigned(String keyId, JWTClaimsSet claims) {
		String header = "{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + keyId + "\"}";
		return Base64URL.encode(header) + "." + Base64URL.encode(claims.toString()) + ".";
	}

	/** The same token with its payload replaced and the original signature kept. */
	static String withPayload(String token, JWTClaimsSet claims) {
		String[] parts = token.split("\\.");
		return parts[0] + "." + Base64URL.encode(claims.toString()) + "." + parts[2];
	}

	static KeyPair ecKeyPair(String curve) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec(curve));
			return generator.generateKeyPair();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static KeyPair rsaKeyPair(int bits) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(bits);
			return generator.generateKeyPair();
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes the pair as OpenSSL does: PKCS#8 private key, X.509 public key. */
	static PemFiles writePem(KeyPair pair, Path directory, String name) {
		try {
			Path privateFile = directory.resolve(name + "-private.pem");
			Path publicFile = directory.resolve(name + "-public.pem");
			Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
			Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
			return new PemFiles(privateFile, publicFile);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	record PemFiles(Path privateKey, Path publicKey) {
	}

}
