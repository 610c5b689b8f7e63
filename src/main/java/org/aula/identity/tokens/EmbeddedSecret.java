package org.aula.identity.tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.aula.platform.config.InvalidPlatformConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC secret of the embedded mode when the operator configured none: 256 random bits
 * generated on the first start and kept in {@code <keyDirectory>/jwt-secret}, readable by
 * the owner only, so tokens survive restarts.
 */
final class EmbeddedSecret {

	static final String FILE_NAME = "jwt-secret";

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedSecret.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private EmbeddedSecret() {
	}

	static String readOrGenerate(Path keyDirectory) {
		Path file = keyDirectory.resolve(FILE_NAME);
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).trim();
			}
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.createDirectories(keyDirectory);
			// Written under another name first, so a crash never leaves a half-written
			// secret, and created owner-only rather than restricted after the fact.
			Path written = Files.createTempFile(keyDirectory, FILE_NAME, ".tmp", ownerOnly(keyDirectory));
			Files.writeString(written, secret, StandardCharsets.UTF_8);
			Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
			logger.info("Generated the access-token signing secret in {}", file);
			return secret;
		}
		catch (IOException ex) {
			throw new InvalidPlatformConfiguration("Cannot read or create the access-token secret %s (%s);"
				.formatted(file, ex.getClass().getSimpleName())
					+ " make aula.tokens.key-directory writable or set AULA_JWT_SECRET");
		}
	}

	private static FileAttribute<?>[] ownerOnly(Path directory) {
		boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
		return posix ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) }
				: new FileAttribute<?>[0];
	}

}
