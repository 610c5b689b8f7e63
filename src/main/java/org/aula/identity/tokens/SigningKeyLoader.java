package org.aula.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import org.aula.platform.config.InvalidPlatformConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * Turns the token settings into {@link SigningKeys}, or stops start-up with one line
 * saying which setting to fix: a secret shorter than 32 bytes, an RSA key under 2048
 * bits, an EC key off P-256, a private key without its public key or not matching it, a
 * previous key of another kind, a secret and a key pair at once, or no key at all outside
 * the embedded mode.
 */
final class SigningKeyLoader {

	static final int MINIMUM_SECRET_BYTES = 32;

	static final int MINIMUM_RSA_BITS = 2048;

	private static final String SECRET = "AULA_JWT_SECRET (aula.tokens.jwt-secret)";

	private static final String PREVIOUS_SECRET = "AULA_JWT_PREVIOUS_SECRET (aula.tokens.jwt-previous-secret)";

	private static final String PRIVATE_KEY_FILE = "AULA_JWT_PRIVATE_KEY_FILE";

	private static final String PUBLIC_KEY_FILE = "AULA_JWT_PUBLIC_KEY_FILE";

	private static final String PREVIOUS_PUBLIC_KEY_FILE = "AULA_JWT_PREVIOUS_PUBLIC_KEY_FILE";

	private SigningKeyLoader() {
	}

	static SigningKeys load(TokenSettings settings, boolean embedded) {
		boolean secret = settings.jwtSecret() != null;
		boolean keyPair = settings.jwtPrivateKeyFile() != null || settings.jwtPublicKeyFile() != null;
		if (secret && keyPair) {
			throw new InvalidPlatformConfiguration(
					"Both AULA_JWT_SECRET and AULA_JWT_PRIVATE_KEY_FILE/AULA_JWT_PUBLIC_KEY_FILE are set;"
							+ " access tokens are signed with one of them: unset the other");
		}
		if (keyPair) {
			return keyPair(settings);
		}
		if (settings.jwtPreviousPublicKeyFile() != null) {
			throw new InvalidPlatformConfiguration(PREVIOUS_PUBLIC_KEY_FILE
					+ " is set but AULA_JWT_PRIVATE_KEY_FILE is not; a previous key pair needs a current one");
		}
		if (secret) {
			return hmac(settings.jwtSecret(), settings.jwtPreviousSecret());
		}
		if (settings.jwtPreviousSecret() != null) {
			throw new InvalidPlatformConfiguration(
					PREVIOUS_SECRET + " is set but AULA_JWT_SECRET is not; a previous secret needs a current one");
		}
		if (!embedded) {
			throw new InvalidPlatformConfiguration(
					"No key to sign access tokens: set AULA_JWT_SECRET (HS256, at least 32 random bytes, e.g. `openssl"
							+ " rand -base64 48`) or AULA_JWT_PRIVATE_KEY_FILE and AULA_JWT_PUBLIC_KEY_FILE (ES256 or"
							+ " RS256 PEM); every instance needs the same");
		}
		return hmac(EmbeddedSecret.readOrGenerate(settings.keyDirectory()), null);
	}

	private static SigningKeys hmac(String secret, @Nullable String previousSecret) {
		List<JWK> previous = new ArrayList<>();
		if (previousSecret != null) {
			if (previousSecret.equals(secret)) {
				throw new InvalidPlatformConfiguration(PREVIOUS_SECRET
						+ " is the same as AULA_JWT_SECRET; set it to the secret used before the rotation");
			}
			previous.add(secretKey(PREVIOUS_SECRET, previousSecret));
		}
		return SigningKeys.of(JWSAlgorithm.HS256, secretKey(SECRET, secret), previous);
	}

	private static JWK secretKey(String setting, String secret) {
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MINIMUM_SECRET_BYTES) {
			throw new InvalidPlatformConfiguration("%s is %d bytes long; HS256 needs at least %d random bytes"
				.formatted(setting, bytes.length, MINIMUM_SECRET_BYTES) + " (e.g. `openssl rand -base64 48`)");
		}
		return new OctetSequenceKey.Builder(bytes).build();
	}

	private static SigningKeys keyPair(TokenSettings settings) {
		Path privateFile = settings.jwtPrivateKeyFile();
		Path publicFile = settings.jwtPublicKeyFile();
		if (privateFile == null || publicFile == null) {
			throw new InvalidPlatformConfiguration(
					"AULA_JWT_PRIVATE_KEY_FILE and AULA_JWT_PUBLIC_KEY_FILE go together: set both or neither");
		}
		if (settings.jwtPreviousSecret() != null) {
			throw new InvalidPlatformConfiguration(
					PREVIOUS_SECRET + " is set but tokens are signed with a key pair; one algorithm at a time: use "
							+ PREVIOUS_PUBLIC_KEY_FILE);
		}
		PrivateKey privateKey = PemKeys.privateKey(PRIVATE_KEY_FILE, privateFile);
		PublicKey publicKey = PemKeys.publicKey(PUBLIC_KEY_FILE, publicFile);
		JWK current = pair(privateKey, publicKey, privateFile, publicFile);
		JWSAlgorithm algorithm = (current instanceof ECKey) ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
		List<JWK> previous = new ArrayList<>();
		Path previousFile = settings.jwtPreviousPublicKeyFile();
		if (previousFile != null) {
			PublicKey previousKey = PemKeys.publicKey(PREVIOUS_PUBLIC_KEY_FILE, previousFile);
			if (!previousKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
				throw new InvalidPlatformConfiguration(
						"%s=%s is an %s key but the current key is %s; one algorithm at a time"
							.formatted(PREVIOUS_PUBLIC_KEY_FILE, previousFile, previousKey.getAlgorithm(), algorithm));
			}
			previous.add(publicJwk(PREVIOUS_PUBLIC_KEY_FILE, previousFile, previousKey));
		}
		return SigningKeys.of(algorithm, current, previous);
	}

	private static JWK pair(PrivateKey privateKey, PublicKey publicKey, Path privateFile, Path publicFile) {
		if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm()) || !matches(privateKey, publicKey)) {
			throw new InvalidPlatformConfiguration("%s=%s and %s=%s are not the two halves of one key pair"
				.formatted(PRIVATE_KEY_FILE, privateFile, PUBLIC_KEY_FILE, publicFile));
		}
		JWK publicJwk = publicJwk(PUBLIC_KEY_FILE, publicFile, publicKey);
		return switch (publicJwk) {
			case ECKey ec -> new ECKey.Builder(ec).privateKey((ECPrivateKey) privateKey).build();
			case RSAKey rsa -> new RSAKey.Builder(rsa).privateKey((RSAPrivateKey) privateKey).build();
			default -> throw new IllegalStateException("Unexpected key type " + publicJwk.getKeyType());
		};
	}

	private static JWK publicJwk(String setting, Path file, PublicKey key) {
		if (key instanceof ECPublicKey ec) {
			if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
				throw new InvalidPlatformConfiguration(
						"%s=%s is an EC key off the P-256 curve; ES256 needs P-256".formatted(setting, file));
			}
			return new ECKey.Builder(Curve.P_256, ec).build();
		}
		RSAPublicKey rsa = (RSAPublicKey) key;
		if (rsa.getModulus().bitLength() < MINIMUM_RSA_BITS) {
			throw new InvalidPlatformConfiguration("%s=%s is a %d-bit RSA key; RS256 needs at least %d bits"
				.formatted(setting, file, rsa.getModulus().bitLength(), MINIMUM_RSA_BITS));
		}
		return new RSAKey.Builder(rsa).build();
	}

	private static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
		String algorithm = "EC".equals(privateKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
		byte[] probe = "aula key pair check".getBytes(StandardCharsets.US_ASCII);
		try {
			Signature signing = Signature.getInstance(algorithm);
			signing.initSign(privateKey);
			signing.update(probe);
			byte[] signature = signing.sign();
			Signature verifying = Signature.getInstance(algorithm);
			verifying.initVerify(publicKey);
			verifying.update(probe);
			return verifying.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

}
