package org.aula.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The key that signs new access tokens and every key whose tokens are accepted: the
 * current one and, during a rotation, the previous one. All use one algorithm. Each key
 * is known by its {@code kid}, the first 16 characters of its RFC 7638 thumbprint: a hash
 * that names the key without revealing it.
 */
final class SigningKeys {

	private final JWSAlgorithm algorithm;

	private final JWK current;

	private final List<JWK> accepted;

	private final JWSSigner signer;

	private SigningKeys(JWSAlgorithm algorithm, JWK current, List<JWK> accepted) {
		this.algorithm = algorithm;
		this.current = current;
		this.accepted = List.copyOf(accepted);
		this.signer = signer(algorithm, current);
	}

	/**
	 * Keys of one algorithm: the first signs, all verify. Every key gets its {@code kid}
	 * here; keys with the same {@code kid} are the same key and kept once.
	 */
	static SigningKeys of(JWSAlgorithm algorithm, JWK current, List<JWK> previous) {
		JWK named = named(current, algorithm);
		List<JWK> accepted = new ArrayList<>(List.of(named));
		for (JWK key : previous) {
			JWK previousNamed = named(key, algorithm);
			if (accepted.stream().noneMatch((known) -> known.getKeyID().equals(previousNamed.getKeyID()))) {
				accepted.add(previousNamed);
			}
		}
		return new SigningKeys(algorithm, named, accepted);
	}

	static String keyId(JWK key) {
		try {
			return key.computeThumbprint().toString().substring(0, 16);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot compute the key's thumbprint", ex);
		}
	}

	private static JWK named(JWK key, JWSAlgorithm algorithm) {
		String kid = keyId(key);
		return switch (key) {
			case OctetSequenceKey oct -> new OctetSequenceKey.Builder(oct).keyID(kid).algorithm(algorithm).build();
			case ECKey ec -> new ECKey.Builder(ec).keyID(kid).algorithm(algorithm).build();
			case RSAKey rsa -> new RSAKey.Builder(rsa).keyID(kid).algorithm(algorithm).build();
			default -> throw new IllegalArgumentException("Unsupported key type " + key.getKeyType());
		};
	}

	private static JWSSigner signer(JWSAlgorithm algorithm, JWK key) {
		try {
			return switch (key) {
				case OctetSequenceKey oct when JWSAlgorithm.HS256.equals(algorithm) -> new MACSigner(oct);
				case ECKey ec when JWSAlgorithm.ES256.equals(algorithm) -> new ECDSASigner(ec);
				case RSAKey rsa when JWSAlgorithm.RS256.equals(algorithm) -> new RSASSASigner(rsa);
				default -> throw new IllegalArgumentException(
						"A %s key cannot sign %s".formatted(key.getKeyType(), algorithm));
			};
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("The signing key is not usable: " + ex.getMessage(), ex);
		}
	}

	JWSAlgorithm algorithm() {
		return this.algorithm;
	}

	String currentKeyId() {
		return this.current.getKeyID();
	}

	JWSSigner signer() {
		return this.signer;
	}

	/** The keys tokens are verified with: the public halves of key pairs. */
	JWKSet verificationKeys() {
		return new JWKSet(this.accepted.stream()
			.map((key) -> (key instanceof OctetSequenceKey) ? key : key.toPublicJWK())
			.toList());
	}

	/**
	 * A key for another purpose, derived from the current signing key (HMAC-SHA256 of the
	 * label under the key's secret part): every instance with the same signing key
	 * derives the same key, one label's key says nothing about another's, and none
	 * reveals the signing key.
	 * @param label names the purpose
	 * @return 32 bytes
	 */
	byte[] derive(String label) {
		byte[] secret = switch (this.current) {
			case OctetSequenceKey oct -> oct.toByteArray();
			case ECKey ec -> ec.getD().decode();
			case RSAKey rsa -> rsa.getPrivateExponent().decode();
			default -> throw new IllegalStateException("Unsupported key type " + this.current.getKeyType());
		};
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	List<String> keyIds() {
		return this.accepted.stream().map(JWK::getKeyID).toList();
	}

	/** Names the keys for logs and errors, never showing key material. */
	@Override
	public String toString() {
		return "SigningKeys[%s, signing with %s, accepting %s]".formatted(this.algorithm, currentKeyId(), keyIds());
	}

}
