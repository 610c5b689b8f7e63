package org.aula.platform.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Files in a directory, each in a sub-directory named after the first two hex digits of
 * its SHA-256 and under the whole hash as its name. Content is written to a temporary
 * file in the same directory tree and moved into place atomically, so a reader never sees
 * a partial file and a crash leaves only a temporary file behind. Client file names never
 * reach the file system.
 */
class FileSystemMediaStore implements MediaStore {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final Path root;

	FileSystemMediaStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public Stored store(InputStream content) throws IOException {
		Path incoming = Files.createDirectories(this.root.resolve("incoming"));
		Path temp = Files.createTempFile(incoming, "upload-", ".tmp");
		try {
			MessageDigest digest = sha256();
			long size;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
				size = content.transferTo(out);
			}
			String hash = HexFormat.of().formatHex(digest.digest());
			Path target = path(hash);
			Files.createDirectories(target.getParent());
			if (!Files.exists(target)) {
				move(temp, target);
			}
			return new Stored(hash, size);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public Optional<Resource> open(String sha256) {
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			return Optional.empty();
		}
		Path file = path(sha256);
		return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
	}

	private Path path(String sha256) {
		return this.root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException ex) {
			// Another upload of the same bytes won the race: its copy is identical.
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("The media directory does not support atomic moves: " + target.getParent(), ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
