package org.aula.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;

import com.nimbusds.jose.JWSAlgorithm;
import org.aula.identity.tokens.HandMadeTokens.PemFiles;
import org.aula.platform.config.InvalidPlatformConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyLoaderTest {

	private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!!";

	private static final String PREVIOUS_SECRET = "the-secret-before-the-last-rotation!!!!";

	@TempDir
	Path directory;

	@Test
	void signsWithHs256WhenASecretIsConfigured() {
		SigningKeys keys = SigningKeyLoader.load(secrets(SECRET, null), false);

		assertThat(keys.algorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(keys.currentKeyId()).hasSize(16).isEqualTo(HandMadeTokens.hmacKeyId(SECRET));
		assertThat(keys.keyIds()).containsExactly(keys.currentKeyId());
	}

	@Test
	void refusesASecretShorterThan32Bytes() {
		assertThatThrownBy(() -> SigningKeyLoader.load(secrets("only-31-bytes-long-secret-text!", null), false))
			.isInstanceOf(InvalidPlatformConfiguration.class)
			.hasMessage("AULA_JWT_SECRET (aula.tokens.jwt-secret) is 31 bytes long; HS256 needs at least 32 random"
					+ " bytes (e.g. `openssl rand -base64 48`)");
	}

	@Test
	void acceptsThePreviousSecretButSignsWithTheCurrentOne() {
		SigningKeys keys = SigningKeyLoader.load(secrets(SECRET, PREVIOUS_SECRET), false);

		assertThat(keys.currentKeyId()).isEqualTo(HandMadeTokens.hmacKeyId(SECRET));
		assertThat(keys.keyIds()).containsExactly(HandMadeTokens.hmacKeyId(SECRET),
				HandMadeTokens.hmacKeyId(PREVIOUS_SECRET));
	}

	@Test
	void refusesAWeakPreviousSecretAndOneWithoutACurrentSecret() {
		assertThatThrownBy(() -> SigningKeyLoader.load(secrets(SECRET, "short"), false))
			.hasMessageStartingWith("AULA_JWT_PREVIOUS_SECRET (aula.tokens.jwt-previous-secret) is 5 bytes long");
		assertThatThrownBy(() -> SigningKeyLoader.load(secrets(null, PREVIOUS_SECRET), true))
			.hasMessageContaining("a previous secret needs a current one");
		assertThatThrownBy(() -> SigningKeyLoader.load(secrets(SECRET, SECRET), false))
			.hasMessageContaining("is the same as AULA_JWT_SECRET");
	}

	@Test
	void signsWithEs256FromAnEcP256PemKeyPair() {
		PemFiles files = HandMadeTokens.writePem(HandMadeTokens.ecKeyPair("secp256r1"), this.directory, "ec");

		SigningKeys keys = SigningKeyLoader.load(pair(files, null), false);

		assertThat(keys.algorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(keys.verificationKeys().getKeys()).singleElement()
			.satisfies((key) -> assertThat(key.isPrivate()).isFalse());
	}

	@Test
	void signsWithRs256FromAnRsaPemKeyPairAndAcceptsThePreviousPublicKey() {
		PemFiles current = HandMadeTokens.writePem(HandMadeTokens.rsaKeyPair(2048), this.directory, "rsa");
		PemFiles previous = HandMadeTokens.writePem(HandMadeTokens.rsaKeyPair(2048), this.directory, "old");

		SigningKeys keys = SigningKeyLoader.load(pair(current, previous.publicKey()), false);

		assertThat(keys.algorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(keys.keyIds()).hasSize(2).doesNotHaveDuplicates();
	}

	@Test
	void derivesTheSameKeyPerLabelFromTheSameSigningKeyOnEveryInstance() {
		PemFiles ec = HandMadeTokens.writePem(HandMadeTokens.ecKeyPair("secp256r1"), this.directory, "ec");
		PemFiles rsa = HandMadeTokens.writePem(HandMadeTokens.rsaKeyPair(2048), this.directory, "rsa");
		for (TokenSettings settings : new TokenSettings[] { secrets(SECRET, null), pair(ec, null), pair(rsa, null) }) {
			SigningKeys one = SigningKeyLoader.load(settings, false);
			SigningKeys another = SigningKeyLoader.load(settings, false);

			assertThat(one.derive("media")).hasSize(32).isEqualTo(another.derive("media"));
			assertThat(one.derive("media")).isNotEqualTo(one.derive("other"));
		}
		assertThat(SigningKeyLoader.load(secrets(SECRET, null), false).derive("media"))
			.isNotEqualTo(SigningKeyLoader.load(secrets(PREVIOUS_SECRET, null), false).derive("media"))
			.isNotEqualTo(SigningKeyLoader.load(pair(ec, null), false).derive("media"));
		assertThat(SigningKeyLoader.load(secrets(SECRET, null), false).derive("media")).as("not the secret itself")
			.isNotEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void refusesAnRsaKeyUnder2048Bits() {
		PemFiles files = HandMadeTokens.writePem(HandMadeTokens.rsaKeyPair(1024), this.directory, "rsa");

		assertThatThrownBy(() -> SigningKeyLoader.load(pair(files, null), false))
			.isInstanceOf(InvalidPlatformConfiguration.class)
			.hasMessage("AULA_JWT_PUBLIC_KEY_FILE=%s is a 1024-bit RSA key; RS256 needs at least 2048 bits",
					files.publicKey());
	}

	@Test
	void refusesAnEcKeyOffP256() {
		PemFiles files = HandMadeTokens.writePem(HandMadeTokens.ecKeyPair("secp384r1"), this.directory, "ec");

		assertThatThrownBy(() -> SigningKeyLoader.load(pair(files, null), false))
			.hasMessageContaining("is an EC key off the P-256 curve");
	}

	@Test
	void refusesAPrivateKeyWithAPublicKeyOfAnotherPair() {
		KeyPair one = HandMadeTokens.ecKeyPair("secp256r1");
		KeyPair other = HandMadeTokens.ecKeyPair("secp256r1");
		PemFiles files = HandMadeTokens.writePem(new KeyPair(other.getPublic(), one.getPrivate()), this.directory,
				"mixed");

		assertThatThrownBy(() -> SigningKeyLoader.load(pair(files, null), false))
			.hasMessageContaining("are not the two halves of one key pair");
	}

	@Test
	void refusesAPreviousKeyOfAnotherAlgorithm() {
		PemFiles current = HandMadeTokens.writePem(HandMadeTokens.ecKeyPair("secp256r1"), this.directory, "ec");
		PemFiles previous = HandMadeTokens.writePem(HandMadeTokens.rsaKeyPair(2048), this.directory, "rsa");

		assertThatThrownBy(() -> SigningKeyLoader.load(pair(current, previous.publicKey()), false))
			.hasMessageContaining("is an RSA key but the current key is ES256");
	}

	@Test
	void refusesHalfAKeyPairASecretTogetherWithAKeyPairAndUnreadableFiles() throws Exception {
		PemFiles files = HandMadeTokens.writePem(HandMadeTokens.ecKeyPair("secp256r1"), this.directory, "ec");
		Path sec1 = this.directory.resolve("sec1.pem");
		Files.writeString(sec1, HandMadeTokens.pem("EC PRIVATE KEY", new byte[] { 1, 2, 3 }));

		assertThatThrownBy(() -> SigningKeyLoader.load(settings(null, null, files.privateKey(), null, null), false))
			.hasMessage("AULA_JWT_PRIVATE_KEY_FILE and AULA_JWT_PUBLIC_KEY_FILE go together: set both or neither");
		assertThatThrownBy(
				() -> SigningKeyLoader.load(settings(SECRET, null, files.privateKey(), files.publicKey(), null), false))
			.hasMessageStartingWith(
					"Both AULA_JWT_SECRET and AULA_JWT_PRIVATE_KEY_FILE/AULA_JWT_PUBLIC_KEY_FILE are set");
		assertThatThrownBy(() -> SigningKeyLoader
			.load(settings(null, null, this.directory.resolve("missing.pem"), files.publicKey(), null), false))
			.hasMessage("AULA_JWT_PRIVATE_KEY_FILE=%s cannot be read (NoSuchFileException)",
					this.directory.resolve("missing.pem"));
		assertThatThrownBy(() -> SigningKeyLoader.load(settings(null, null, sec1, files.publicKey(), null), false))
			.hasMessageContaining("holds a EC PRIVATE KEY; Aula reads an unencrypted PKCS#8")
			.hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
	}

	@Test
	void outsideTheEmbeddedModeAMissingKeyStopsStartUpWithOneLine() {
		assertThatThrownBy(() -> SigningKeyLoader.load(settings(null, null, null, null, null), false))
			.isInstanceOf(InvalidPlatformConfiguration.class)
			.hasMessage("No key to sign access tokens: set AULA_JWT_SECRET (HS256, at least 32 random bytes, e.g."
					+ " `openssl rand -base64 48`) or AULA_JWT_PRIVATE_KEY_FILE and AULA_JWT_PUBLIC_KEY_FILE (ES256 or"
					+ " RS256 PEM); every instance needs the same")
			.message()
			.doesNotContain("\n");
		assertThat(this.directory.resolve(EmbeddedSecret.FILE_NAME)).doesNotExist();
	}

	@Test
	void theEmbeddedModeGeneratesASecretOnceKeepsItOwnerOnlyAndReusesIt() throws Exception {
		Path keyDirectory = this.directory.resolve("data");

		SigningKeys first = SigningKeyLoader.load(settings(null, null, null, null, null, keyDirectory), true);
		SigningKeys second = SigningKeyLoader.load(settings(null, null, null, null, null, keyDirectory), true);

		Path secretFile = keyDirectory.resolve("jwt-secret");
		String secret = Files.readString(secretFile, StandardCharsets.UTF_8);
		assertThat(secret.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
		assertThat(first.algorithm()).isEqualTo(JWSAlgorithm.HS256);
		assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId()).isEqualTo(HandMadeTokens.hmacKeyId(secret));
		assertThat(first.currentKeyId()).doesNotContain(secret);
		try (var files = Files.list(keyDirectory)) {
			assertThat(files).containsExactly(secretFile);
		}
	}

	@Test
	void neverShowsKeyMaterialInTextMeantForLogs() {
		TokenSettings settings = secrets(SECRET, PREVIOUS_SECRET);
		SigningKeys keys = SigningKeyLoader.load(settings, false);

		assertThat(settings.toString()).doesNotContain(SECRET).doesNotContain(PREVIOUS_SECRET);
		assertThat(keys.toString()).doesNotContain(SECRET).contains(keys.currentKeyId());
	}

	private TokenSettings secrets(String secret, String previous) {
		return settings(secret, previous, null, null, null);
	}

	private TokenSettings pair(PemFiles files, Path previousPublicKey) {
		return settings(null, null, files.privateKey(), files.publicKey(), previousPublicKey);
	}

	private TokenSettings settings(String secret, String previous, Path privateKey, Path publicKey,
			Path previousPublicKey) {
		return settings(secret, previous, privateKey, publicKey, previousPublicKey, this.directory);
	}

	private static TokenSettings settings(String secret, String previous, Path privateKey, Path publicKey,
			Path previousPublicKey, Path keyDirectory) {
		return new TokenSettings(Duration.ofMinutes(15), "aula", secret, previous, privateKey, publicKey,
				previousPublicKey, keyDirectory);
	}

}
