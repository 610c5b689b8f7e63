package org.aula.platform.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Where files live (lesson media, issued certificates), addressed by the SHA-256 of their
 * content: storing the same bytes twice keeps one copy, and a stored file never changes.
 * A module records the address next to its own data and decides itself who may read the
 * file; the store knows nothing about who uses a file.
 */
public interface MediaStore {

	/**
	 * Stores the content, complete or not at all.
	 * @param content the bytes, read to the end but not closed
	 * @return the content's address and length
	 * @throws IOException when the store cannot be written
	 */
	Stored store(InputStream content) throws IOException;

	/**
	 * @param sha256 lower-case hex SHA-256
	 * @return the stored content, or empty if there is none at that address
	 */
	Optional<Resource> open(String sha256);

	/**
	 * What was stored.
	 *
	 * @param sha256 lower-case hex SHA-256 of the content
	 * @param size length in bytes
	 */
	public record Stored(String sha256, long size) {
	}

}
