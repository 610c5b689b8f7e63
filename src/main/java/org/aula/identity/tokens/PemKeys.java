package org.aula.identity.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aula.platform.config.InvalidPlatformConfiguration;

/**
 * Reads unencrypted PEM keys as OpenSSL writes them: a PKCS#8 private key
 * ({@code BEGIN PRIVATE KEY}) and an X.509 public key ({@code BEGIN PUBLIC KEY}), EC or
 * RSA. Errors name the setting and the file, never the content.
 */
final class PemKeys {

	private static final Pattern PEM = Pattern
		.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	private static final String[] ALGORITHMS = { "EC", "RSA" };

	private PemKeys() {
	}

	static PrivateKey privateKey(String setting, Path file) {
		byte[] der = read(setting, file, "PRIVATE KEY");
		for (String algorithm : ALGORITHMS) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw new InvalidPlatformConfiguration(
				"%s=%s is neither an EC nor an RSA private key".formatted(setting, file));
	}

	static PublicKey publicKey(String setting, Path file) {
		byte[] der = read(setting, file, "PUBLIC KEY");
		for (String algorithm : ALGORITHMS) {
			try {
				return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw new InvalidPlatformConfiguration("%s=%s is neither an EC nor an RSA public key".formatted(setting, file));
	}

	private static byte[] read(String setting, Path file, String expectedType) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidPlatformConfiguration(
					"%s=%s cannot be read (%s)".formatted(setting, file, ex.getClass().getSimpleName()));
		}
		Matcher pem = PEM.matcher(text);
		if (!pem.find()) {
			throw new InvalidPlatformConfiguration(
					"%s=%s is not a PEM file (-----BEGIN %s-----)".formatted(setting, file, expectedType));
		}
		String type = pem.group(1);
		if (!type.equals(expectedType)) {
			throw new InvalidPlatformConfiguration("%s=%s holds a %s; Aula reads an unencrypted PKCS#8 or X.509 %s"
				.formatted(setting, file, type, expectedType)
					+ (type.endsWith("PRIVATE KEY") ? " (convert it: openssl pkcs8 -topk8 -nocrypt -in old.pem)" : ""));
		}
		try {
			return Base64.getMimeDecoder().decode(pem.group(2));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPlatformConfiguration("%s=%s is not valid PEM".formatted(setting, file));
		}
	}

}
