package org.aula.platform.media;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FileSystemMediaStoreTest {

	@TempDir
	Path directory;

	@Test
	void storesContentOnceUnderItsHashAndLeavesNoTemporaryFiles() throws Exception {
		FileSystemMediaStore store = new FileSystemMediaStore(this.directory);
		byte[] content = "%PDF-1.7 hello".getBytes(StandardCharsets.US_ASCII);

		MediaStore.Stored first = store.store(new ByteArrayInputStream(content));
		MediaStore.Stored second = store.store(new ByteArrayInputStream(content));

		assertThat(second).isEqualTo(first);
		assertThat(first.size()).isEqualTo(content.length);
		assertThat(first.sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
		assertThat(store.open(first.sha256()).orElseThrow().getContentAsByteArray()).isEqualTo(content);
		try (var files = Files.list(this.directory.resolve("incoming"))) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void opensOnlyWellFormedAddressesOfStoredContent() {
		FileSystemMediaStore store = new FileSystemMediaStore(this.directory);
		assertThat(store.open("0".repeat(64))).isEmpty();
		assertThat(store.open("../../etc/passwd")).isEmpty();
		assertThat(store.open("A".repeat(64))).isEmpty();
		assertThat(store.open(null)).isEmpty();
	}

}
