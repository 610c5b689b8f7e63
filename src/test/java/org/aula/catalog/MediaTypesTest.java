package org.aula.catalog;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTypesTest {

	@Test
	void recognisesAcceptedTypesByTheirFirstBytes() {
		assertThat(detect(new byte[] { 0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'm', 'p', '4', '2' })).isEqualTo("video/mp4");
		assertThat(detect(new byte[] { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 1 })).isEqualTo("video/webm");
		assertThat(detect("OggS\0\2".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("video/ogg");
		assertThat(detect("%PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
		assertThat(detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })).isEqualTo("image/png");
		assertThat(detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 })).isEqualTo("image/jpeg");
		assertThat(detect(new byte[] { 'P', 'K', 3, 4, 20, 0 })).isEqualTo("application/zip");
	}

	@Test
	void refusesEverythingElse() {
		assertThat(MediaTypes.detect("<html><script>".getBytes(StandardCharsets.US_ASCII))).isNull();
		assertThat(MediaTypes.detect("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1))).isNull();
		assertThat(MediaTypes.detect(new byte[] { '%', 'P' })).isNull();
		assertThat(MediaTypes.detect(new byte[0])).isNull();
	}

	@Test
	void safeNamesKeepOnlyHarmlessCharactersAndTheDetectedExtension() {
		MediaTypes.Detected pdf = MediaTypes.detect("%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
		MediaTypes.Detected zip = MediaTypes.detect(new byte[] { 'P', 'K', 3, 4 });
		assertThat(MediaTypes.safeName("../../etc/passwd", pdf)).isEqualTo("passwd.pdf");
		assertThat(MediaTypes.safeName("C:\\temp\\Week 1: \"notes\".exe", pdf)).isEqualTo("Week-1-notes.pdf");
		assertThat(MediaTypes.safeName(null, pdf)).isEqualTo("file.pdf");
		assertThat(MediaTypes.safeName("Plan.DOCX", zip)).isEqualTo("Plan.docx");
		assertThat(MediaTypes.safeName("Plan.html", zip)).isEqualTo("Plan.zip");
	}

	private static String detect(byte[] head) {
		return MediaTypes.detect(head).contentType();
	}

}
